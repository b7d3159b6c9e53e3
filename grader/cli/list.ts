/**
 * `./deno task list`: every exercise with its status, worked out by grading the folder (no
 * state file to go stale), and the course's progress.
 *
 * @module
 */

import type { ExerciseStatus, Report } from "../report.ts";
import { nextExercise } from "../reporters/terminal.ts";
import { progressBar } from "./tty.ts";

const MARKS: Record<ExerciseStatus, string> = {
  passed: "✓",
  failed: "✗",
  not_started: "·",
  error: "!",
  timeout: "!",
};

const WORDS: Record<ExerciseStatus, string> = {
  passed: "passed",
  failed: "failed",
  not_started: "not started",
  error: "error",
  timeout: "timeout",
};

/** The course as a list: a line per exercise, the next one marked, and a progress bar. */
export function renderList(report: Report, o: { color: boolean; width: number }): string {
  const paint = (s: ExerciseStatus, text: string) =>
    o.color ? `\x1b[${s === "passed" ? 32 : s === "not_started" ? 33 : 31}m${text}\x1b[39m` : text;
  const next = nextExercise(report);
  const lines = report.exercises.map((e) => {
    const number = /^(\d+)_/.exec(e.file)?.[1] ?? "  ";
    const head = `${paint(e.status, MARKS[e.status])} ${number} ${e.id.padEnd(24)} ${
      paint(e.status, WORDS[e.status].padEnd(12))
    }`;
    const mark = next?.id === e.id ? "  ← next" : "";
    const room = Math.max(10, o.width - 42 - mark.length);
    const title = e.title.length > room ? `${e.title.slice(0, room - 1)}…` : e.title;
    return `${head} ${title}${mark}`;
  });
  const s = report.summary;
  return [
    ...lines,
    "",
    `${progressBar(s.passed, s.total)} exercises passed, ${s.points}/${s.maxPoints} points`,
    next
      ? `next: ./deno task watch (starts at ${next.id}), or ./deno task grade ${next.id}`
      : "every exercise passes: the course is done",
    "",
  ].join("\n");
}
