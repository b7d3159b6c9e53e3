/**
 * The smallest failing case: when a sized hidden test fails (see `SizedTest` in `spec.ts`), the
 * grader runs it again at smaller sizes (batch, dimensions, classes), each time drawn afresh
 * from the test's own generator with every guarantee of the generators kept, and keeps the
 * smallest sizes that still fail. That case is shown whole: its inputs, the output compared,
 * expected and the learner's.
 *
 * The extra calls run after the exercise's last test (learner modules keep state between
 * calls), never change a verdict, are bounded in count ({@linkcode SHRINK_LIMITS}) and charged
 * to a time budget of their own, so they cannot turn a verdict into a timeout.
 *
 * @module
 */

import { isMatrix, Matrix } from "@gradkit/lib";
import {
  CheckFailure,
  type GradientCheck,
  type SizedTest,
  type Sizes,
  type TestCase,
  type TestContext,
} from "./spec.ts";
import type { CaseValue, FailingCase, TestReport } from "./report.ts";
import { type CallTarget, TestRun } from "./test_context.ts";
import { numericalGradient } from "./checker.ts";
import { type RunSeed, testRngs } from "./secret_seed.ts";
import { sizesOf } from "./specs/_sized.ts";
import { SandboxFailure, TimeBudget } from "./sandbox/sandbox.ts";
import type { CaseInput, CaseInputs } from "./spec.ts";

/**
 * Bounds of one shrinking: at most `attempts` runs of the test at other sizes, `timeMs` of the
 * learner's code running in all (a budget of its own), `wallMs` of the whole search.
 */
export const SHRINK_LIMITS = { attempts: 24, timeMs: 1500, wallMs: 4000 } as const;

/** The most entries a shown value keeps; a case with a larger input is shown cut, not written. */
export const CASE_MAX_VALUES = 400;

/** Why `sizes` are not allowed for `sized` (a size below its minimum, two equal), or undefined. */
export function sizesProblem(
  sized: Pick<SizedTest, "min" | "distinct">,
  sizes: Sizes,
): string | undefined {
  for (const [name, min] of Object.entries(sized.min)) {
    const v = sizes[name];
    if (!Number.isInteger(v)) return `${name} must be a whole number, got ${v}`;
    if (v < min) return `${name} must be at least ${min}, got ${v}`;
  }
  for (const name of Object.keys(sizes)) {
    if (!(name in sized.min)) return `the test has no size ${name}`;
  }
  for (const group of sized.distinct ?? []) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (sizes[group[i]] === sizes[group[j]]) {
          return `${group.join(", ")} must be pairwise different (${group[i]} = ${group[j]} = ${
            sizes[group[i]]
          })`;
        }
      }
    }
  }
  return undefined;
}

/** "N = 2, K = 1". */
export function sizesText(sizes: Sizes): string {
  return Object.entries(sizes).map(([k, v]) => `${k} = ${v}`).join(", ");
}

/** "N=2,K=1", as `--sizes` takes it. */
export function sizesArg(sizes: Sizes): string {
  return Object.entries(sizes).map(([k, v]) => `${k}=${v}`).join(",");
}

/** What a run of a candidate says: it fails, it passes, or the search must stop (a limit). */
export type Verdict = "fails" | "passes" | "stop";

/** The result of {@linkcode shrinkSizes}. */
export interface ShrinkResult {
  /** The smallest sizes found that fail (`start` when none smaller does). */
  sizes: Sizes;
  /** Candidates run. */
  attempts: number;
  /** Whether every allowed smaller value of every size was tried at `sizes` and passed. */
  minimal: boolean;
}

/**
 * Searches smaller sizes that still fail, one size at a time, from its minimum up (the first
 * that fails is the smallest for that size), over and over until no size can go down: at the
 * end every allowed smaller value of each size, the others as they are, has been run and
 * passed (`minimal`), unless `attempts` ran out or `fails` said stop. `start` is known to fail.
 *
 * @example
 * ```ts
 * const sized = { min: { N: 1 } };
 * await shrinkSizes(sized, { N: 6 }, (s) => Promise.resolve(s.N >= 3 ? "fails" : "passes"));
 * // { sizes: { N: 3 }, attempts: 3, minimal: true }
 * ```
 */
export async function shrinkSizes(
  sized: Pick<SizedTest, "min" | "distinct">,
  start: Sizes,
  fails: (sizes: Sizes) => Promise<Verdict>,
  attempts: number = SHRINK_LIMITS.attempts,
): Promise<ShrinkResult> {
  let current = { ...start };
  const seen = new Map<string, Verdict>([[sizesArg(current), "fails"]]);
  let used = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const name of Object.keys(current)) {
      for (let v = sized.min[name] ?? 1; v < current[name]; v++) {
        const candidate = { ...current, [name]: v };
        if (sizesProblem(sized, candidate)) continue;
        const key = sizesArg(candidate);
        let verdict = seen.get(key);
        if (verdict === undefined) {
          if (used >= attempts) return { sizes: current, attempts: used, minimal: false };
          used++;
          verdict = await fails(candidate);
          if (verdict === "stop") return { sizes: current, attempts: used, minimal: false };
          seen.set(key, verdict);
        }
        if (verdict === "fails") {
          current = candidate;
          changed = true;
          break;
        }
      }
    }
  }
  return { sizes: current, attempts: used, minimal: true };
}

/** A comparison a test made, kept to show its expected and actual values. */
interface Compared {
  what: string;
  got: number | Matrix;
  expected?: number | Matrix;
  /** For a gradient: the reference loss and what it is the gradient with respect to. */
  gradient?: { f: () => number; x: Matrix };
}

/**
 * `t`, recording every value and gradient comparison into `compared` (observation only: each
 * check is `t`'s own, with the same outcome).
 */
export function recording(t: TestContext): { context: TestContext; compared: Compared[] } {
  const compared: Compared[] = [];
  const own = (c: GradientCheck) =>
    compared.push({ what: c.what, got: c.got, gradient: { f: c.f, x: c.x } });
  const overrides: Partial<TestContext> = {
    expectClose(what, got, expected, tolerance) {
      compared.push({ what, got, expected });
      return t.expectClose(what, got, expected, tolerance);
    },
    expectGradient(what, got, f, x, options) {
      own({ what, got, f, x });
      return t.expectGradient(what, got, f, x, options);
    },
    expectGradients(checks) {
      checks.forEach(own);
      return t.expectGradients(checks);
    },
    expectGradientsTogether(gradients, f, options) {
      for (const g of gradients) own({ ...g, f });
      return t.expectGradientsTogether(gradients, f, options);
    },
  };
  const context = new Proxy(t, {
    get(target, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof TestContext];
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { context, compared };
}

/** A copy of a case's inputs (the checker perturbs matrices in place and restores them). */
export function copyInputs(inputs: CaseInputs): CaseInputs {
  const out: CaseInputs = {};
  for (const [k, v] of Object.entries(inputs)) {
    out[k] = isMatrix(v) ? v.clone() : typeof v === "number" ? v : v.slice() as typeof v;
  }
  return out;
}

/** A value as a case shows it, its entries cut at {@linkcode CASE_MAX_VALUES}. */
export function caseValue(name: string, v: CaseInput): CaseValue {
  if (typeof v === "number") return { name, type: "number", shape: [], values: [v] };
  if (isMatrix(v)) {
    return {
      name,
      type: "Matrix",
      shape: [v.rows, v.cols],
      values: Array.from(v.data.subarray(0, CASE_MAX_VALUES)),
    };
  }
  return {
    name,
    type: v instanceof Int32Array ? "Int32Array" : "Float64Array",
    shape: [v.length],
    values: Array.from(v.subarray(0, CASE_MAX_VALUES)),
  };
}

/** Whether a shown value holds every entry (not cut at {@linkcode CASE_MAX_VALUES}). */
export function wholeValue(v: CaseValue): boolean {
  return v.values.length === v.shape.reduce((a, b) => a * b, 1);
}

/** The comparison a failure comes from: the one it names (by its mismatch or its message). */
function failedComparison(
  failure: CheckFailure,
  compared: readonly Compared[],
): Compared | undefined {
  const what = failure.mismatch?.what;
  for (let i = compared.length - 1; i >= 0; i--) {
    const c = compared[i];
    if (what !== undefined ? c.what === what : failure.message.startsWith(`${c.what}:`)) return c;
  }
  return undefined; // not a comparison (a wrong shape, a modified input): no output to show
}

/** The expected and the learner's value of a failed comparison, for the case. */
function shownOutput(c: Compared): FailingCase["output"] {
  let expected: number | Matrix;
  if (c.expected !== undefined) expected = c.expected;
  else {
    const x = c.gradient!.x;
    const numeric = numericalGradient(c.gradient!.f, x.data).gradient;
    expected = new Matrix(x.rows, x.cols, numeric);
  }
  // "dPred (N = 2, K = 3)" is shown as "dPred": the case states its sizes once.
  const name = c.what.replace(/\s*\([^()]*\)$/, "") || c.what;
  return {
    what: c.what,
    expected: caseValue(`${name} expected`, expected),
    got: caseValue(`${name} yours`, c.got),
  };
}

/** The longest failure message a case keeps. */
const CASE_MESSAGE_CHARS = 600;

/** The case shown for a failed run of a sized test. */
export function failingCase(
  o: {
    test: number;
    sizes: Sizes;
    from: Sizes;
    /** Absent for a replay (no search was made). */
    minimal?: boolean;
    inputs: CaseInputs;
    failure: CheckFailure;
    compared: readonly Compared[];
  },
): FailingCase {
  const c = failedComparison(o.failure, o.compared);
  return {
    test: o.test,
    sizes: o.sizes,
    from: o.from,
    ...(o.minimal === undefined ? {} : { minimal: o.minimal }),
    message: o.failure.message.slice(0, CASE_MESSAGE_CHARS),
    inputs: Object.entries(o.inputs).map(([k, v]) => caseValue(k, v)),
    ...(c ? { output: shownOutput(c) } : {}),
  };
}

/** Instances of learner modules loaded for shrinking, in this process (each gets a new URL). */
let instances = 0;

/** One run of a sized test, at some sizes or on given inputs. */
export interface CaseRun {
  /** What it threw (undefined: it passed). */
  failure?: unknown;
  /** The inputs, as drawn (a copy, taken before the call). */
  inputs: CaseInputs;
  compared: Compared[];
}

/** Where a case runs: the test, the run's seed, and the calls' target. */
export interface CaseTarget {
  exerciseId: string;
  test: TestCase & { sized: SizedTest };
  seed: RunSeed;
  target: CallTarget;
}

/**
 * Runs a sized test once at `sizes`, its inputs drawn from the test's own generator (the sizes
 * drawn first, as the hidden test does, so the original sizes give the original inputs), or on
 * `given` inputs. Throws {@linkcode SandboxFailure} (a limit hit), and what `draw` throws.
 */
export async function runCase(
  c: CaseTarget,
  sizes: Sizes,
  given?: CaseInputs,
): Promise<CaseRun> {
  const rngs = testRngs(c.seed, c.exerciseId, c.test.name);
  let inputs: CaseInputs;
  if (given) inputs = copyInputs(given);
  else {
    sizesOf(c.test.sized, rngs.inputs);
    inputs = c.test.sized.draw(rngs.inputs, sizes);
  }
  const shown = copyInputs(inputs);
  const { context, compared } = recording(new TestRun(rngs.inputs, c.target, rngs.checks));
  try {
    await c.test.sized.check(context, inputs, sizes);
    return { inputs: shown, compared };
  } catch (e) {
    if (e instanceof SandboxFailure) throw e;
    return { failure: e, inputs: shown, compared };
  }
}

/**
 * Shrinks the failure of test number `test` (from 1), which failed a check at its own sizes:
 * the smallest failing case within {@linkcode SHRINK_LIMITS}, or undefined when the test fails
 * no more when run again on its own (its failure came from state an earlier call left).
 * Never throws: a limit hit ends the search with what it found.
 */
export async function shrinkFailure(c: CaseTarget, test: number): Promise<FailingCase | undefined> {
  const started = performance.now();
  const from = sizesOf(c.test.sized, testRngs(c.seed, c.exerciseId, c.test.name).inputs);
  let last: { sizes: Sizes; run: CaseRun } | undefined;
  let stopped = false;
  const attempt = async (sizes: Sizes): Promise<Verdict> => {
    if (performance.now() - started > SHRINK_LIMITS.wallMs) return "stop";
    let run: CaseRun;
    try {
      // A fresh instance of the learner's module for every run: what earlier calls left in its
      // variables cannot make a case fail (a replay starts fresh too, and must fail the same).
      const url = `${c.target.url}?case=${++instances}`;
      const loaded = await c.target.sandbox.request({ op: "load", url }, c.target.budget);
      if (!loaded.ok) return "stop";
      run = await runCase({ ...c, target: { ...c.target, url } }, sizes);
    } catch (e) {
      if (e instanceof SandboxFailure) {
        stopped = true;
        return "stop";
      }
      return "passes"; // the generators refuse these sizes: not a case
    }
    if (!(run.failure instanceof CheckFailure)) return "passes";
    last = { sizes, run };
    return "fails";
  };
  const found = await shrinkSizes(c.test.sized, from, attempt);
  if (!last || sizesArg(last.sizes) !== sizesArg(found.sizes)) {
    // The case at the sizes found has not been run yet (nothing smaller failed): run it once.
    if (stopped || (await attempt(found.sizes)) !== "fails") return undefined;
  }
  const { run } = last!;
  return failingCase({
    test,
    sizes: found.sizes,
    from,
    minimal: found.minimal,
    inputs: run.inputs,
    failure: run.failure as CheckFailure,
    compared: run.compared,
  });
}

/** Where the shrinking of an exercise's first failure runs. */
export interface ShrinkJob {
  exerciseId: string;
  /** The tests that ran, in order, and their reports (the same length). */
  tests: readonly TestCase[];
  reports: readonly TestReport[];
  seed: RunSeed;
  /** The sandbox and the exercise's module; the calls get a time budget of their own. */
  target: Omit<CallTarget, "budget" | "onOutput">;
}

/**
 * Shrinks the first test of an exercise that failed a check and has a sized form, and attaches
 * the case to its report (`case`); what the extra calls print is not kept. Run after the
 * exercise's last test: it changes no verdict and charges no time to the exercise.
 */
export async function shrinkFirstFailure(job: ShrinkJob): Promise<FailingCase | undefined> {
  const i = job.reports.findIndex((r, k) => r.status === "failed" && job.tests[k]?.sized);
  if (i < 0) return undefined;
  const test = job.tests[i] as TestCase & { sized: SizedTest };
  const target: CallTarget = {
    ...job.target,
    budget: new TimeBudget(SHRINK_LIMITS.timeMs),
    onOutput: () => {},
  };
  const found = await shrinkFailure(
    { exerciseId: job.exerciseId, test, seed: job.seed, target },
    i + 1,
  );
  if (found) job.reports[i].case = found;
  return found;
}
