/**
 * The "still waiting on …" line: when a grading runs longer than {@linkcode WAIT_SHOWN_AFTER_MS}
 * (a loop running into its time limit, a slow machine), the command line says which exercises
 * it is still waiting on, on one line of stderr that it rewrites and then clears: only on a
 * terminal, so logs and pipes never see it.
 *
 * @module
 */

import type { Exercise } from "../manifest.ts";
import type { GradeProgress } from "../grade.ts";
import { every } from "../sandbox/ticker.ts";

/** How long a grading runs before the line appears. */
export const WAIT_SHOWN_AFTER_MS = 2000;

/**
 * The line: how many of how many exercises are done, for how long it has run, and the ones still
 * graded, cut to `width` columns.
 *
 * @example
 * ```ts
 * waitingLine(["mse_loss"], 15, 16, 3200, 80);
 * // "still grading (15/16 done, 3.2 s): waiting on mse_loss"
 * ```
 */
export function waitingLine(
  pending: readonly string[],
  done: number,
  total: number,
  elapsedMs: number,
  width: number,
): string {
  const line = `still grading (${done}/${total} done, ${(elapsedMs / 1000).toFixed(1)} s): ` +
    `waiting on ${pending.join(", ")}`;
  return line.length <= width - 1 ? line : `${line.slice(0, Math.max(0, width - 2))}…`;
}

/** Where the line goes: the real stderr by default. */
export interface WaitingOutput {
  isTerminal(): boolean;
  write(text: string): void;
  width(): number;
}

const STDERR: WaitingOutput = {
  isTerminal: () => Deno.stderr.isTerminal() && Deno.env.get("TERM") !== "dumb",
  write: (text) => {
    Deno.stderr.writeSync(new TextEncoder().encode(text));
  },
  width: () => {
    try {
      const columns = Deno.consoleSize().columns;
      return columns >= 20 ? columns : 80; // a terminal that says no width (a pty without one)
    } catch {
      return 80;
    }
  },
};

/**
 * A {@linkcode GradeProgress} that shows the line on a terminal once a grading has run for
 * `afterMs` ({@linkcode WAIT_SHOWN_AFTER_MS}), rewritten every `tickMs`, and `stop`, which clears
 * it (call it before printing the report). Off a terminal, it shows nothing.
 */
export function showWaiting(
  out: WaitingOutput = STDERR,
  tickMs = 250,
  afterMs = WAIT_SHOWN_AFTER_MS,
): GradeProgress & { stop(): void } {
  const pending = new Map<string, Exercise>();
  let total = 0;
  let shown = false;
  const started = performance.now();
  const terminal = out.isTerminal();
  const stopTicker = terminal
    ? every(tickMs, () => {
      const elapsed = performance.now() - started;
      if (elapsed < afterMs || pending.size === 0) return;
      const ids = [...pending.values()].map((e) => e.id);
      out.write(`\r\x1b[K${waitingLine(ids, total - pending.size, total, elapsed, out.width())}`);
      shown = true;
    })
    : () => {};
  return {
    start(exercises) {
      total = exercises.length;
      for (const e of exercises) pending.set(e.id, e);
    },
    done(exercise) {
      pending.delete(exercise.id);
    },
    stop() {
      stopTicker();
      if (shown) out.write("\r\x1b[K");
      shown = false;
    },
  };
}
