/**
 * What the views of a report share: how a test's or an exercise's failure reads, where the
 * hidden inputs came from (never the secret: the nonce), and the one-line summary.
 *
 * @module
 */

import type { ExerciseReport, Report, TestReport } from "../report.ts";

/** What a view needs besides the report. */
export interface ViewContext {
  /** The command that replays this run exactly (never holds the secret). */
  replay?: string;
}

/**
 * Why a test did not pass, in the learner's words: its own message, else (a test not run
 * because its exercise stopped) the exercise's message, else its status in words. Empty for
 * a test that passed.
 */
export function testProblem(e: ExerciseReport, t: TestReport): string {
  if (t.status === "passed") return "";
  if (t.message) return t.message;
  if (t.status === "not_run") {
    return e.message ? `not run: ${e.message}` : "not run (an earlier test stopped the exercise)";
  }
  if (t.status === "not_started") return "not started: the stub's todo(...) is still there";
  return t.status;
}

/**
 * The first reason an exercise did not pass: its own message (it did not load, hit a limit),
 * else the first test's that did not pass. Empty for an exercise that passed.
 */
export function firstProblem(e: ExerciseReport): string {
  if (e.status === "passed") return "";
  if (e.status === "not_started") return "not started";
  if (e.message) return e.message;
  const t = e.tests.find((t) => t.status !== "passed" && t.status !== "not_run");
  return t ? testProblem(e, t) : e.status;
}

/** Where the hidden inputs came from: the public seed, or the secret run's nonce. */
export function inputsText(report: Report): string {
  return report.inputs === "secret"
    ? `secret inputs (GRADER_SEED), nonce ${report.nonce}`
    : `seed ${report.seed}`;
}

/** "3/16 exercises passed, …; 35/160 points", as the terminal prints it. */
export function summaryText(report: Report): string {
  const s = report.summary;
  return `${s.passed}/${s.total} exercises passed, ${s.failed} failed, ${s.notStarted} not ` +
    `started, ${s.error} errors, ${s.timeout} timeouts; ${s.points}/${s.maxPoints} points`;
}

/** A number of seconds from milliseconds, to the millisecond. */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
