import assert from "node:assert/strict";
import type { GradebookRow } from "./gradebook.ts";
import { duration, progressDisplay } from "./progress.ts";

/** What ends a redrawn line: clear to its end. */
const CLEAR = "\x1b[K";

function row(name: string, state: GradebookRow["state"] = "graded"): GradebookRow {
  return {
    name,
    report: `${name}.json`,
    state,
    folder: name,
    seed: 1,
    nonce: null,
    points: { a: 10, b: 2.5 },
    total: 12.5,
    maxTotal: 20,
    counts: { passed: 1, failed: 1, notStarted: 0, error: 0, timeout: 0 },
    problem: state === "graded" ? null : "gone",
  };
}

Deno.test("progress: one line per submission when stderr is not a terminal", () => {
  let text = "";
  const show = progressDisplay({ terminal: false, write: (t) => text += t });
  show({ kind: "start", total: 12, toGrade: 10, kept: 2 });
  show({ kind: "done", row: row("ada"), ms: 420, done: 1, toGrade: 10 });
  show({ kind: "done", row: row("bo", "not_graded"), ms: 3, done: 2, toGrade: 10 });
  assert.equal(
    text,
    "2 of 12 submissions unchanged since they were graded: kept; grading 10\n" +
      "[ 1/10] ada: 12.5/20 points (1 passed, 1 failed), 0.42 s\n" +
      "[ 2/10] bo: not graded: gone, 0.00 s\n",
  );
});

Deno.test("progress: on a terminal, a bar with counts and the time left, redrawn in place", () => {
  let text = "";
  let clock = 0;
  const show = progressDisplay({ terminal: true, write: (t) => text += t, now: () => clock });
  show({ kind: "start", total: 4, toGrade: 4, kept: 0 });
  clock = 2000;
  show({ kind: "done", row: row("ada"), ms: 2000, done: 1, toGrade: 4 });
  assert.ok(
    text.endsWith(`\r[${"#".repeat(8)}${"-".repeat(22)}] 1/4 graded · about 6 s left${CLEAR}`),
  );
  clock = 8000;
  show({ kind: "done", row: row("bo"), ms: 1, done: 4, toGrade: 4 });
  assert.ok(text.endsWith(`\r[${"#".repeat(30)}] 4/4 graded · done in 8 s${CLEAR}\n`));
  assert.equal(duration(185), "3 min 05 s");
});
