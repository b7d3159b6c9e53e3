/**
 * How a class run shows its progress on stderr: on a terminal, one bar redrawn in place (counts
 * and an estimate of the time left); otherwise (a log, CI), one line per submission graded.
 *
 * @module
 */

import type { ClassEvent } from "./grade_class.ts";
import type { GradebookRow } from "./gradebook.ts";

/** Something to write progress to. */
export interface ProgressSink {
  write(text: string): void;
  /** Whether it is a terminal (a bar redrawn in place) or not (one line per submission). */
  terminal: boolean;
  /** Milliseconds now (tests pass a clock). */
  now?: () => number;
}

/** Seconds as a person reads them: `42 s`, `3 min 05 s`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** A row in one line: its total and its status counts, or why it was not graded. */
export function describeRow(row: GradebookRow): string {
  if (row.state !== "graded") return `not graded: ${row.problem ?? "pending"}`;
  const c = row.counts;
  const parts = [
    [c.passed, "passed"],
    [c.failed, "failed"],
    [c.notStarted, "not started"],
    [c.error, "error"],
    [c.timeout, "timeout"],
  ].filter(([n]) => n !== 0).map(([n, what]) => `${n} ${what}`);
  return `${row.total}/${row.maxTotal} points (${parts.join(", ")})`;
}

const BAR_WIDTH = 30;

/**
 * A listener for {@linkcode ClassEvent}s that draws the progress on `sink`. The estimate of the
 * time left is the time per submission graded so far, times those left.
 */
export function progressDisplay(sink: ProgressSink): (event: ClassEvent) => void {
  const now = sink.now ?? (() => performance.now());
  let started = now();
  let lastDraw = -Infinity;
  let problems = 0;
  let kept = 0;
  return (event) => {
    if (event.kind === "start") {
      started = now();
      kept = event.kept;
      if (event.kept > 0) {
        sink.write(
          `${event.kept} of ${event.total} submissions unchanged since they were graded: kept; ` +
            `grading ${event.toGrade}\n`,
        );
      }
      if (sink.terminal && event.toGrade > 0) draw(0, event.toGrade);
      return;
    }
    if (event.row.state !== "graded") problems++;
    if (!sink.terminal) {
      const width = String(event.toGrade).length;
      sink.write(
        `[${String(event.done).padStart(width)}/${event.toGrade}] ${event.row.name}: ` +
          `${describeRow(event.row)}, ${(event.ms / 1000).toFixed(2)} s\n`,
      );
      return;
    }
    const t = now();
    if (event.done === event.toGrade || t - lastDraw >= 100) draw(event.done, event.toGrade);
  };

  function draw(done: number, total: number): void {
    lastDraw = now();
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const elapsed = (now() - started) / 1000;
    const left = done === 0
      ? "estimating time left"
      : done === total
      ? `done in ${duration(elapsed)}`
      : `about ${duration((elapsed / done) * (total - done))} left`;
    const extra = [
      ...(kept > 0 ? [`${kept} kept`] : []),
      ...(problems > 0 ? [`${problems} not graded`] : []),
    ];
    sink.write(
      `\r[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${done}/${total} graded` +
        `${extra.length ? ` (${extra.join(", ")})` : ""} · ${left}\x1b[K` +
        (done === total ? "\n" : ""),
    );
  }
}
