// Preloaded (NODE_OPTIONS=--require) into `prisma migrate` on PostgreSQL: the wasm schema engine and the pg
// pool leave 10-second timers behind that keep the finished process alive (STACK gotcha 7). Unreferenced,
// they still run if the process lives on, but no longer hold it open.
const original = global.setTimeout;
global.setTimeout = function setTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (ms >= 10_000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
