/**
 * The report model: the one result of a grading run that every output format (terminal, JSON,
 * and later Gradescope, JUnit, Markdown) is a view of. Plain data, JSON-serialisable as is.
 *
 * @module
 */

import type { GradientRow, Mismatch, Sizes } from "./spec.ts";
import type { Series } from "./series.ts";

/** The version of the report's shape; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 2;

/** How a test ended. */
export type TestStatus = "passed" | "failed" | "not_started" | "error" | "timeout" | "not_run";

/** How an exercise ended. */
export type ExerciseStatus = "passed" | "failed" | "not_started" | "error" | "timeout";

/** One hidden test's result. */
export interface TestReport {
  name: string;
  status: TestStatus;
  /** Why it did not pass, in one line a learner understands. */
  message?: string;
  /** The worst element, for a numerical mismatch. */
  mismatch?: Mismatch;
  /** Facts worth knowing that are not failures (e.g. coordinates skipped at a kink). */
  notes?: string[];
  /**
   * For a test that checks several gradients together, when one is wrong: every one of them,
   * with its largest relative error and whether it passed (optional; added in schema 2).
   */
  gradients?: GradientRow[];
  /**
   * Curves the test drew, one chart (a training run's loss per step, the learner's and the
   * reference's), whether it passed or not (optional; added in schema 2, see `series.ts`).
   */
  series?: Series[];
  /**
   * The smallest failing case found for a failed test, shown whole (optional; added in schema
   * 2, see `shrink.ts`). At most one test of an exercise has one.
   */
  case?: FailingCase;
}

/** One value of a shown case: a matrix, a vector or a number, its entries row after row. */
export interface CaseValue {
  name: string;
  type: "Matrix" | "Float64Array" | "Int32Array" | "number";
  /** `[rows, cols]` for a matrix, `[length]` for a vector, `[]` for a number. */
  shape: number[];
  /** Every entry, row after row (a case is small: see `CASE_MAX_VALUES` in `shrink.ts`). */
  values: number[];
}

/** A test's smallest failing case: its sizes, its inputs whole, the outputs compared. */
export interface FailingCase {
  /** The test's number in its exercise, from 1. */
  test: number;
  /** The sizes of the case, e.g. `{ N: 2, K: 1 }`. */
  sizes: Sizes;
  /** The sizes the hidden test ran at. */
  from: Sizes;
  /**
   * Whether every allowed smaller size was tried and passed; false when the search stopped at
   * its bounds first (the case still fails, but may not be the smallest). Absent in a replay
   * (no search was made).
   */
  minimal?: boolean;
  /** The failure at these sizes, in one line. */
  message: string;
  inputs: CaseValue[];
  /** The output that was compared, expected and the learner's, when the failure is a comparison. */
  output?: { what: string; expected: CaseValue; got: CaseValue };
  /** The command that replays this case (`./deno task grade … --test N --sizes …`). */
  replay?: string;
  /** Under secret inputs: the case file written for `./deno task grade --case FILE`. */
  file?: string;
}

/** An exercise file that another one imports, and how it fared in the same run. */
export interface ImportedExercise {
  id: string;
  /** Its file, relative to the graded folder. */
  file: string;
  status: ExerciseStatus;
}

/** One exercise's result. */
export interface ExerciseReport {
  id: string;
  title: string;
  /** The exercise file, relative to the graded folder. */
  file: string;
  status: ExerciseStatus;
  /** Why the exercise as a whole did not pass (load error, limit hit, missing export...). */
  message?: string;
  points: number;
  maxPoints: number;
  tests: TestReport[];
  /** What the learner's code printed while graded (truncated at the output limit). */
  output?: string;
  hint?: string;
  /**
   * Exercise files this one imports (directly or through others) that did not pass in the same
   * run, in course order: its own failures may come from them (optional; added in schema 2).
   */
  failingImports?: ImportedExercise[];
  durationMs: number;
}

/** A whole grading run. */
export interface Report {
  schemaVersion: number;
  /**
   * Where the hidden inputs came from: `"public"`, a seed anyone can replay; `"secret"`,
   * `GRADER_SEED` and a nonce, which only whoever holds the secret can replay.
   */
  inputs: "public" | "secret";
  /** The public seed (`--seed` with it replays the run); null when the inputs were secret. */
  seed: number | null;
  /**
   * The run's nonce when the inputs were secret (`--nonce` with it and the secret replays the
   * run); null for a public seed. Never the secret, nor anything computed from it.
   */
  nonce: string | null;
  /** The graded folder, as given. */
  dir: string;
  exercises: ExerciseReport[];
  summary: {
    total: number;
    passed: number;
    failed: number;
    notStarted: number;
    error: number;
    timeout: number;
    points: number;
    maxPoints: number;
  };
  /** What was left out of the submission (links, oversized files), and why. */
  skippedFiles: string[];
  durationMs: number;
}

/** The exercise status that its tests add up to. `loadError` is set when it could not run. */
export function exerciseStatus(tests: readonly TestReport[]): ExerciseStatus {
  if (tests.some((t) => t.status === "timeout")) return "timeout";
  if (tests.length > 0 && tests.every((t) => t.status === "passed")) return "passed";
  if (tests.every((t) => t.status === "not_started" || t.status === "not_run")) {
    return "not_started";
  }
  const ran = tests.filter((t) => t.status !== "not_started" && t.status !== "not_run");
  if (ran.every((t) => t.status === "error")) return "error";
  return "failed";
}

/**
 * What each of an exercise's `tests` is worth: its `maxPoints` shared out in hundredths of a
 * point, as evenly as hundredths allow (the first tests take the hundredths left over), so that
 * the shares add up to `maxPoints` exactly. A test that passed earns its share; the exercise's
 * points are the sum of its passed tests' shares ({@linkcode earnedPoints}). Every output
 * format that lists tests with points (Gradescope, GitHub Classroom) uses these shares.
 *
 * @example
 * ```ts
 * testShares(10, 3); // [3.34, 3.33, 3.33]
 * ```
 */
export function testShares(maxPoints: number, tests: number): number[] {
  if (tests <= 0) return [];
  const total = Math.round(maxPoints * 100);
  const each = Math.floor(total / tests);
  const left = total - each * tests;
  return Array.from({ length: tests }, (_, i) => (each + (i < left ? 1 : 0)) / 100);
}

/** The sum of the passed tests' shares ({@linkcode testShares}), exact to the hundredth. */
export function earnedPoints(maxPoints: number, tests: readonly TestReport[]): number {
  const shares = testShares(maxPoints, tests.length);
  const hundredths = tests.reduce(
    (sum, t, i) => t.status === "passed" ? sum + Math.round(shares[i] * 100) : sum,
    0,
  );
  return hundredths / 100;
}

/** A sum of points, rounded to the hundredth (so 0.1 + 0.2 reads 0.3). */
function hundredths(points: number): number {
  return Math.round(points * 100) / 100;
}

/** Sums the exercises into a report's summary. */
export function summarize(exercises: readonly ExerciseReport[]): Report["summary"] {
  const count = (s: ExerciseStatus) => exercises.filter((e) => e.status === s).length;
  return {
    total: exercises.length,
    passed: count("passed"),
    failed: count("failed"),
    notStarted: count("not_started"),
    error: count("error"),
    timeout: count("timeout"),
    points: hundredths(exercises.reduce((a, e) => a + e.points, 0)),
    maxPoints: hundredths(exercises.reduce((a, e) => a + e.maxPoints, 0)),
  };
}
