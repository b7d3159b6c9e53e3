/**
 * The contract between the grader and an exercise's hidden tests.
 *
 * A spec lists tests; each test draws its inputs from `t.rng` (seeded per run, exercise and
 * test), calls learner functions in the sandbox with `t.call`, and judges the outputs with the
 * checks on {@linkcode TestContext}. A failing check throws {@linkcode CheckFailure}; the first
 * one ends the test. All judgement happens here, in the grader's process.
 *
 * @module
 */

import type { Matrix, Rng } from "@gradkit/lib";
import type { ProbeRef, ProbeTrace } from "./sandbox/probes.ts";
import type {
  Diagnosis,
  LocalFactor,
  MistakenResult,
  ValueEvidence,
} from "./diagnosis/diagnose.ts";
import type { MistakeKind } from "./mistake_kinds.ts";

/** One hidden test of an exercise. */
export interface TestCase {
  /** Shown to the learner: what the test exercises, e.g. "gradient on a batch with N ≠ C". */
  name: string;
  /** Draws inputs, calls the learner, judges. Throws {@linkcode CheckFailure} on a wrong result. */
  run(t: TestContext): Promise<void>;
  /**
   * The kind of mistake this test is built to catch (e.g. `state` for two forwards, then their
   * backwards): the diagnosis of its failure when the check itself names no kind.
   */
  detects?: MistakeKind;
  /**
   * The same test as a function of its sizes, when it has one (see `specs/_sized.ts`): a failure
   * is then shrunk to the smallest sizes that still fail, shown whole and replayable.
   */
  sized?: SizedTest;
}

/** A test's sizes by name, e.g. `{ N: 6, K: 4 }` (batch N, K outputs per example). */
export type Sizes = Record<string, number>;

/** One input of a case: a matrix, a vector of labels or values, or a number. */
export type CaseInput = Matrix | Float64Array | Int32Array | number;

/** A case's inputs by name, e.g. `{ pred, target }`, as the test draws them. */
export type CaseInputs = Record<string, CaseInput>;

/**
 * A hidden test split into drawing its inputs at given sizes and judging them, so that the
 * grader can run it again at smaller sizes (shrinking a failure) or on given inputs (replaying
 * a case). `draw` keeps every guarantee of the generators at any allowed sizes.
 */
export interface SizedTest<I extends CaseInputs = CaseInputs> {
  /** The sizes the test runs at, or how it draws them (from the test's generator, first). */
  sizes: Sizes | ((rng: Rng) => Sizes);
  /** The smallest allowed value of each size (a batch of 2 where N > 1 matters). */
  min: Sizes;
  /** Groups of sizes that must stay pairwise different (N ≠ D ≠ H). */
  distinct?: readonly (readonly string[])[];
  /** Draws the inputs at `sizes`. */
  draw(rng: Rng, sizes: Sizes): I;
  /**
   * Why `inputs` (read from a case file) are not ones `draw` could give at `sizes`, beyond
   * their names, kinds and shapes (checked already): a label out of range, a value on a kink.
   */
  validate?(inputs: I, sizes: Sizes): string | undefined;
  /** Calls the learner on `inputs` and judges; throws {@linkcode CheckFailure} when wrong. */
  check(t: TestContext, inputs: I, sizes: Sizes): Promise<void>;
}

/** The hidden tests of one exercise, in the order they run. */
export interface ExerciseSpec {
  /** The manifest id of the exercise, e.g. `"mse_loss"`. */
  id: string;
  /** The functions the exercise file must export (checked before any test runs). */
  exports: string[];
  /**
   * One or two sentences that unblock a learner without giving the answer away: shown with every
   * failure and kept in the reports. With {@linkcode ExerciseSpec.hints}, it is their tier 1.
   */
  hint: string;
  /**
   * The hints of `./deno task hint <id> [1|2|3]`, each more telling than the one before: tier 1
   * the idea or rule to apply (no formula), tier 2 the local gradient or a worked tiny case,
   * tier 3 the formula. Tier 1 is `hint`. Every exercise of the course has them (a test checks,
   * with each exercise's formulas: `grader/formulas.ts`); without them `hint` is the only tier.
   */
  hints?: readonly [string, string, string];
  /** The tests. Names must be unique within the exercise. */
  tests: TestCase[];
  /**
   * What the stub is: `"todo"` (the default), bodies that call `todo(...)`, graded
   * `not_started`; or `"broken"`, a debugging clinic's complete implementation with planted
   * bugs for the learner to find and fix, graded `failed` (the catalogue check requires both).
   */
  stub?: "todo" | "broken";
}

/** The status the pristine stub of an exercise with this spec is graded (see `ExerciseSpec.stub`). */
export function stubStatus(spec: ExerciseSpec): "not_started" | "failed" {
  return spec.stub === "broken" ? "failed" : "not_started";
}

/** Where a value that failed a comparison came from, for the learner's report. */
export interface Mismatch {
  /** What was compared, e.g. "dW1" or "loss". */
  what: string;
  /** Index of the worst element as `[row, col]` for a matrix, `[i]` for a vector, `[]` for a scalar. */
  index: number[];
  expected: number;
  got: number;
  /** Relative error of the worst element (with the absolute floor applied). */
  relError: number;
  /** The tolerance it exceeded. */
  tolerance: number;
}

/**
 * One gradient of a check of several (CS231n prints one such line per parameter): its largest
 * relative error against the numerical gradient, and whether that is within the tolerance.
 */
export interface GradientRow {
  /** The gradient, e.g. "grads.W1". */
  what: string;
  /** The largest relative error over its entries (or its random directions). */
  relError: number;
  /** The tolerance it is held to. */
  tolerance: number;
  passed: boolean;
  /** For a wrong one, the kind of mistake its numbers show (see `diagnosis/diagnose.ts`). */
  kind?: MistakeKind;
}

/** Thrown by a check: the learner's result is wrong. The message is shown to the learner. */
export class CheckFailure extends Error {
  /** The worst element, when the failure is a numerical comparison. */
  readonly mismatch?: Mismatch;
  /** Every gradient of a check of several, when one of them is wrong. */
  gradients?: GradientRow[];
  /** The kind of mistake the check itself established (see `diagnosis/diagnose.ts`). */
  kind?: Diagnosis;
  /** The numbers a failed comparison looked at, for the diagnosis. */
  values?: ValueEvidence;
  constructor(message: string, mismatch?: Mismatch, kind?: Diagnosis) {
    super(message);
    this.name = "CheckFailure";
    this.mismatch = mismatch;
    this.kind = kind;
  }
}

/** One gradient for {@linkcode TestContext.expectGradients}. */
export interface GradientCheck {
  /** Names it in messages, e.g. "dW". */
  what: string;
  /** The learner's gradient. */
  got: Matrix;
  /** The reference loss; reads `x.data` in place (the checker perturbs it). */
  f: () => number;
  /** What it is the gradient with respect to. */
  x: Matrix;
  options?: GradientCheckOptions;
}

/** Tolerances of a numerical comparison: an element passes when its relative error is at most `rtol`. */
export interface Tolerance {
  /** Largest relative error accepted. */
  rtol?: number;
  /** Absolute floor in the relative error's denominator, so that entries near zero are compared absolutely. */
  atol?: number;
}

/** Options of {@linkcode TestContext.expectGradient}. */
export interface GradientCheckOptions extends Tolerance {
  /** Use random directional derivatives instead of every coordinate (for large inputs). */
  directions?: number;
  /**
   * Factors of the chain the spec knows for this gradient (a stage's local derivative, the
   * upstream number, a derivative at the wrong operand over the right one): a failing gradient
   * that times one of them equals the expected gradient, entry by entry, is named with its kind.
   */
  factors?: readonly LocalFactor[];
  /**
   * What wrong methods the spec can name give on these inputs: a failing gradient equal to one,
   * entry by entry, is named with its kind.
   */
  mistaken?: readonly MistakenResult[];
}

/** Options of {@linkcode TestContext.requireNewValues}. */
export interface NewValuesOptions {
  /**
   * Keys of a returned object whose contents may share memory with anything (a forward's
   * `cache`, which may hold its arguments): nothing under them is checked, and nothing else is
   * blamed for sharing with them.
   */
  except?: readonly string[];
  /**
   * The parameter names of the learner's functions, as the stub writes them, for messages:
   * `{ addBackward: ["dout"] }` makes "argument dout" of "argument 1".
   */
  parameters?: Readonly<Record<string, readonly string[]>>;
}

/** What a learner call returned, with the traces of any probe functions passed to it. */
export interface TracedCall {
  value: unknown;
  probes: ProbeTrace[];
}

/** What a test can do: draw inputs, call the learner, and judge. */
export interface TestContext {
  /** Random numbers for this test only, derived from the run's seed. */
  readonly rng: Rng;
  /**
   * Calls the learner's export `name` in the sandbox with `args` and returns what it returned.
   * Fails the test if the call modified any of its arguments (unless `allowMutation` is set on
   * the test context by {@linkcode TestContext.allowMutation}).
   */
  call(name: string, ...args: unknown[]): Promise<unknown>;
  /** Like {@linkcode TestContext.call}, also returning what the probe functions among `args` saw. */
  callTraced(name: string, ...args: unknown[]): Promise<TracedCall>;
  /** A probe function to pass to the learner: evaluated in the sandbox, traced, see `probes.ts`. */
  probe(kind: string, params: Record<string, unknown>): ProbeRef;
  /** Lets the following calls modify their arguments (for exercises that promise to). */
  allowMutation(): void;
  /**
   * Makes the following calls fail when a typed array they return (a Matrix's data, a
   * Float64Array, an Int32Array) shares memory with one of their arguments, with another part
   * of the returned value, or with what an earlier call of the exercise returned: for
   * exercises that promise new values. The sandbox sees identity; the wire does not carry it.
   */
  requireNewValues(options?: NewValuesOptions): void;

  /**
   * Checks that `value` is a finite number and returns it. `returnedWith`: a gradient returned
   * beside it, as evidence of why it is not finite (a finite gradient beside an infinite loss
   * points to the log of a probability that rounded to 0, not to an overflow).
   */
  expectNumber(value: unknown, what: string, returnedWith?: unknown): number;
  /** Checks that `value` is a {@linkcode Matrix} of the given shape with finite entries, and returns it. */
  expectMatrix(value: unknown, what: string, shape: readonly [number, number]): Matrix;
  /** Checks that `value` is a plain object with (at least) these keys, and returns it. */
  expectObject(value: unknown, what: string, keys: readonly string[]): Record<string, unknown>;
  /**
   * Compares a learner value with the reference value, element by element, relative to the
   * largest expected entry (`compareValues` in `compare.ts`; default tolerance
   * `VALUE_TOLERANCE`: float64 agreement).
   */
  expectClose(
    what: string,
    got: number | Matrix,
    expected: number | Matrix,
    tolerance?: Tolerance,
  ): void;
  /**
   * Compares a learner's analytic gradient with the reference checker's numerical gradient of
   * `f` at `x` (`f` reads `x.data` in place; the checker perturbs and restores it).
   * Coordinates at a kink are skipped and noted.
   */
  expectGradient(
    what: string,
    got: Matrix,
    f: () => number,
    x: Matrix,
    options?: GradientCheckOptions,
  ): void;
  /**
   * Checks several gradients (those a function returns together) as
   * {@linkcode TestContext.expectGradient} checks one, every one of them even when one fails:
   * the failure then carries a table of every gradient's largest relative error, which tells
   * where an error starts (a wrong W2 and a wrong W1, or only W1).
   */
  expectGradients(checks: readonly GradientCheck[]): void;
  /**
   * Checks the gradients of `f` with respect to several inputs at once, along `directions`
   * random directions that move all of them together (2k + 1 calls of `f`, whatever the sizes).
   * When that check fails, each input is checked on its own along its own directions, and the
   * failure names the first gradient that is wrong and carries a table of them all.
   */
  expectGradientsTogether(
    gradients: readonly { what: string; got: Matrix; x: Matrix }[],
    f: () => number,
    options: Tolerance & { directions: number },
  ): void;
  /**
   * Fails the test with `message` unless `condition` holds; `kind`, when the check establishes
   * the kind of mistake (an input left modified: `modified-input`), names it for the diagnosis.
   */
  expect(condition: boolean, message: string, kind?: MistakeKind): asserts condition;
  /** Adds a line to the test's report (a fact the learner may want, not a failure). */
  note(text: string): void;
  /**
   * Attaches a named series of numbers to the test's result, drawn with the test's other series
   * as one chart (terminal sparklines, the `html` format): a training run's loss per step, the
   * learner's and the reference's. `values` may come from learner code: it is read and bounded
   * by `seriesOf` (`series.ts`): an array or typed array, its first 1000 values, anything not a
   * finite number kept as a gap. Attach before judging, so a failing run is drawn too.
   *
   * @example
   * ```ts ignore
   * t.series("yours", got.losses);
   * t.series("reference", ref.losses);
   * ```
   */
  series(name: string, values: unknown): void;
}
