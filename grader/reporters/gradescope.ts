/**
 * The Gradescope view of a report: the `results.json` a Gradescope autograder writes to
 * `/autograder/results/results.json` (Gradescope's "Autograder Specifications", output format).
 *
 * One entry of `tests` per hidden test, named "exercise id: test name", worth its share of the
 * exercise's points ({@linkcode testShares}: the shares of an exercise add up exactly to its
 * points, and a passed test earns its share), with `status` "passed" or "failed" and, for a
 * test that did not pass, why in `output` (its message, notes, and the exercise's hint). The
 * top-level `score` is the report's points (it is what Gradescope records), `execution_time`
 * the run's time in seconds, `output` a summary: the totals, where the hidden inputs came from
 * (a secret run shows its nonce, never the secret) and the replay command.
 *
 * @module
 */

import { type ExerciseReport, type Report, testShares } from "../report.ts";
import { inputsText, seconds, summaryText, testProblem, type ViewContext } from "./_common.ts";

/** One test of Gradescope's `results.json`. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: "visible";
}

/** Gradescope's `results.json`, as this view fills it. */
export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  tests: GradescopeTest[];
}

function exerciseTests(e: ExerciseReport): GradescopeTest[] {
  if (e.tests.length === 0) {
    // No test ran nor was listed (nothing in the kit does this today): the exercise as one.
    return [{
      name: e.id,
      score: e.points,
      max_score: e.maxPoints,
      status: e.status === "passed" ? "passed" : "failed",
      output: e.message ?? e.status,
      visibility: "visible",
    }];
  }
  const shares = testShares(e.maxPoints, e.tests.length);
  return e.tests.map((t, i) => {
    const passed = t.status === "passed";
    const lines = passed ? [] : [testProblem(e, t)];
    for (const note of t.notes ?? []) lines.push(`note: ${note}`);
    if (!passed && e.hint) lines.push(`hint: ${e.hint}`);
    return {
      name: `${e.id}: ${t.name}`,
      score: passed ? shares[i] : 0,
      max_score: shares[i],
      status: passed ? "passed" : "failed",
      output: lines.join("\n"),
      visibility: "visible",
    };
  });
}

/** The report as Gradescope's `results.json` (an object; see {@linkcode renderGradescope}). */
export function gradescopeResults(report: Report, context: ViewContext = {}): GradescopeResults {
  const lines = [`${summaryText(report)} (graded with ${inputsText(report)})`];
  for (const f of report.skippedFiles) lines.push(`skipped ${f}`);
  if (context.replay) lines.push(`replay exactly: ${context.replay}`);
  return {
    score: report.summary.points,
    execution_time: seconds(report.durationMs),
    output: lines.join("\n"),
    tests: report.exercises.flatMap(exerciseTests),
  };
}

/**
 * Renders the report as Gradescope's `results.json` (two-space indented, ending in a newline).
 *
 * @example
 * ```ts ignore
 * await Deno.writeTextFile("/autograder/results/results.json", renderGradescope(report));
 * ```
 */
export function renderGradescope(report: Report, context: ViewContext = {}): string {
  return JSON.stringify(gradescopeResults(report, context), null, 2) + "\n";
}
