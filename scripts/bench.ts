// `npm run bench`: each figure is a ratio against a baseline measured in the same run.
import { benchMfa } from "./bench/mfa";

async function main() {
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  await benchMfa();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
