// Interleaved timing: the candidate and its baseline run in alternation, batch after batch, so that
// whatever else the machine does slows both alike; the median batch ratio is reported.
export type Result = { name: string; baselineName: string; baselineUs: number; candidateUs: number; ratio: number };

export async function compare(name: string, baselineName: string, baseline: () => unknown, candidate: () => unknown, opts = { batches: 15, perBatch: 40 }): Promise<Result> {
  for (let i = 0; i < 20; i++) (await baseline(), await candidate());
  const ratios: number[] = [];
  let baseTotal = 0;
  let candTotal = 0;
  for (let b = 0; b < opts.batches; b++) {
    let t = process.hrtime.bigint();
    for (let i = 0; i < opts.perBatch; i++) await baseline();
    const base = Number(process.hrtime.bigint() - t);
    t = process.hrtime.bigint();
    for (let i = 0; i < opts.perBatch; i++) await candidate();
    const cand = Number(process.hrtime.bigint() - t);
    ratios.push(cand / base);
    baseTotal += base;
    candTotal += cand;
  }
  ratios.sort((a, b) => a - b);
  const runs = opts.batches * opts.perBatch;
  return { name, baselineName, baselineUs: baseTotal / runs / 1000, candidateUs: candTotal / runs / 1000, ratio: ratios[Math.floor(ratios.length / 2)] };
}

export function report(title: string, rows: Result[], note?: string) {
  console.log(`\n${title}`);
  for (const r of rows) {
    console.log(
      `  ${r.name}: ${r.candidateUs.toFixed(1)} µs vs ${r.baselineName}: ${r.baselineUs.toFixed(1)} µs  →  ${r.ratio.toFixed(2)}× the baseline's time (speed ${(1 / r.ratio).toFixed(2)} of it)`,
    );
  }
  if (note) console.log(`  ${note}`);
}
