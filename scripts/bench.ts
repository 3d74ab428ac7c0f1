// `npm run bench`: each feature's benchmark, one after the other (they share the machine, not the data).
import { benchReview } from "./bench/review";

async function main() {
  await benchReview();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
