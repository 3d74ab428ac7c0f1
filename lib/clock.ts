import "server-only";

// One clock for every expiry decision, so tests can move time instead of sleeping.
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function advanceClockForTests(ms: number): void {
  if (process.env.NODE_ENV === "production") throw new Error("The clock can only be moved in tests.");
  offsetMs += ms;
}

export function resetClockForTests(): void {
  offsetMs = 0;
}
