// `npm run bench`: each figure is a ratio against a baseline measured in the same run.
import { benchMfa } from "./bench/mfa";
import { benchReview } from "./bench/review";
import { benchTextChecks } from "./bench/text-checks";

async function main() {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  await benchTextChecks();
  await benchMfa();
  await benchReview();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
