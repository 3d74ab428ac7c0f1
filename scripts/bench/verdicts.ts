// The table `npm run bench` ends with: each target of issue 9, what was measured, the ratio and the verdict.
export type Verdict = { target: string; measured: string; ratio: number; need: string; met: boolean };

export const atLeast = (target: string, measured: string, ratio: number, bound: number): Verdict => ({ target, measured, ratio, need: `≥ ${bound.toFixed(2)}`, met: ratio >= bound });
export const atMost = (target: string, measured: string, ratio: number, bound: number): Verdict => ({ target, measured, ratio, need: `≤ ${bound.toFixed(2)}`, met: ratio <= bound });

export function printTable(rows: Verdict[]) {
  const w = [Math.max(...rows.map((r) => r.target.length)), Math.max(...rows.map((r) => r.measured.length))];
  const line = (a: string, b: string, c: string, d: string, e: string) => `${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c.padStart(6)}  ${d.padEnd(7)}  ${e}`;
  console.log(`\n${line("Target", "Measured", "Ratio", "Needed", "Verdict")}`);
  console.log("-".repeat(w[0] + w[1] + 30));
  for (const r of rows) console.log(line(r.target, r.measured, r.ratio.toFixed(2), r.need, r.met ? "met" : "NOT MET"));
  const missed = rows.filter((r) => !r.met).length;
  console.log(`\n${rows.length - missed} of ${rows.length} targets met.`);
}
