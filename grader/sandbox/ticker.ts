/**
 * A repeating timer for the grader's own process that does not touch `setInterval`.
 *
 * In Deno the global `setTimeout`/`setInterval` are lazy: the first read loads the Node.js
 * compatible timers, 13–17 ms of CPU taken from the sandboxes booting on the same two cores.
 * `AbortSignal.timeout` runs on Deno's internal timers instead (under 1 ms the first time).
 * Its timer does not keep the process alive, which suits a watchdog: something else (the
 * sandbox's pipes) is always pending while there is anything to watch.
 *
 * @module
 */

/**
 * Calls `tick` every `ms` milliseconds until the returned function is called. `tick` should not
 * throw: as from an interval's callback, the error would be uncaught.
 */
export function every(ms: number, tick: () => void): () => void {
  let stopped = false;
  const arm = () => {
    AbortSignal.timeout(ms).addEventListener("abort", () => {
      if (stopped) return;
      arm();
      tick();
    }, { once: true });
  };
  arm();
  return () => {
    stopped = true;
  };
}
