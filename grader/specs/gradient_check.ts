/**
 * Hidden tests of the gradient check: the relative error, the check itself, and the step sweep.
 *
 * The learner's functions receive a `smooth` probe (curved in every coordinate and coupled, see
 * `../sandbox/probes.ts`) whose exact gradient is known. What they return is compared with what
 * the grader computes itself from the same probe: the centered differences at the same steps
 * (the same two evaluations, so the agreement is tight even where rounding dominates), and the
 * relative error of the stub's definition. The checked analytic gradients are the exact one (a
 * tiny relative error is due) and a wrong one (an entry with its sign flipped and the rest
 * scaled: a large error is due). Shapes differ from test to test; the near-zero test puts the
 * largest error on entries below the floor, and two exact zeros beside them. `t.call` checks
 * that x, the analytic gradient and the steps are unchanged.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import { CheckFailure, type ExerciseSpec, type TestContext } from "../spec.ts";
import { probeFunction, type ProbeTrace } from "../sandbox/probes.ts";
import { newValues } from "./_new_values.ts";
import { relativeError } from "../compare.ts";
import type { MistakeKind } from "../mistake_kinds.ts";

/** The floor of the relative error's denominator, as the stub pins it. */
const FLOOR = 1e-8;

/**
 * Same evaluations, same arithmetic: the learner's centered differences agree with the grader's
 * to a few ulps (a different grouping of the division), while a one-sided difference or another
 * step is off by 1e-7 and more.
 */
const TIGHT = { rtol: 1e-11, atol: 1e-12 };

/** The relative error as the stub defines it, computed here (trusted). */
function referenceRelError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), FLOOR);
    if (err > worst) worst = err;
  }
  return worst;
}

/** Parameters of a `smooth` probe in n variables that watches argument 1 (x). */
function smoothParams(rng: Rng, n: number): Record<string, unknown> {
  const a: number[] = [], b: number[] = [], c: number[] = [], d: number[] = [];
  for (let i = 0; i < n; i++) {
    a.push(rng.sign() * rng.uniform(0.5, 1.5));
    b.push(rng.sign() * rng.uniform(0.8, 2.5));
    c.push(rng.normal(0, 0.8 / Math.sqrt(n)));
    d.push(rng.sign() * rng.uniform(0.2, 0.8));
  }
  return { n, a, b, c, d, watch: 1 };
}

/** The centered difference of the probe along entry `i` of `xs` with step `h` (trusted). */
function referenceCentered(
  params: Record<string, unknown>,
  xs: Float64Array,
  i: number,
  h: number,
): number {
  const fn = probeFunction("smooth", params);
  const p = xs.slice();
  const old = p[i];
  p[i] = old + h;
  const plus = fn.value(p);
  p[i] = old - h;
  const minus = fn.value(p);
  return (plus - minus) / (2 * h);
}

/** Judges what the learner did with the probe: x itself, one entry at a time, about 2 calls per step. */
function checkTrace(t: TestContext, trace: ProbeTrace | undefined, x: Matrix, evaluations: number) {
  t.expect(trace !== undefined, "internal: no trace of the probe function");
  t.expect(
    trace.badArguments === 0,
    `f was called ${trace.badArguments} time(s) with something other than a Matrix of x's ` +
      `shape (${x.rows}×${x.cols}): call f(x) with the matrix x itself`,
  );
  t.expect(
    trace.sameObject,
    "f was called with a copy of x: write the moved value into x.data and call f(x) with x " +
      "itself (the function being checked reads the numbers where they live)",
    "other",
  );
  t.expect(
    trace.maxChanged <= 1,
    `at one call of f, ${trace.maxChanged} entries of x differed from their original values: ` +
      `move one entry, evaluate, and assign the saved value back before the next`,
    "modified-input",
  );
  t.expect(
    trace.calls >= evaluations && trace.calls <= evaluations + 2,
    `f was called ${trace.calls} time(s); centered differences evaluate f twice per step and ` +
      `entry, ${evaluations} in all here` +
      (trace.calls * 2 <= evaluations + 2 ? " (that looks like a one-sided difference)" : ""),
  );
}

/** The one-sided difference (f(x + h) − f(x)) / h of the probe along entry i, computed here. */
function referenceOneSided(
  params: Record<string, unknown>,
  xs: Float64Array,
  i: number,
  h: number,
): number {
  const fn = probeFunction("smooth", params);
  const p = xs.slice();
  const base = fn.value(p);
  p[i] += h;
  return (fn.value(p) - base) / h;
}

/**
 * Fails, naming the method (`other`), when the learner's `numeric` is not `expected` but is to
 * rounding what a known wrong method gives on the same probe. Passes otherwise.
 */
function expectNoKnownMethod(
  t: TestContext,
  numeric: Matrix,
  expected: Matrix,
  methods: { what: string; value: ArrayLike<number> }[],
): void {
  const same = (a: ArrayLike<number>, b: ArrayLike<number>, rtol: number, atol: number) =>
    Array.prototype.every.call(a, (v: number, i: number) => relativeError(v, b[i], atol) <= rtol);
  if (same(numeric.data, expected.data, TIGHT.rtol, TIGHT.atol)) return;
  const method = methods.find((m) =>
    same(numeric.data, m.value, 1e-8, 1e-9) && !same(expected.data, m.value, 1e-8, 1e-9)
  );
  t.expect(
    method === undefined,
    `numeric is, to rounding, ${method?.what}: the right values need the centered ` +
      `difference with the step given`,
    "other",
  );
}

/** Rewords the x-changed failure of `t.call`: x may move during the call, not after it. */
async function restoring<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    const changed = e instanceof CheckFailure &&
      new RegExp(`^${name} returned with its argument x changed( \\(element [^)]*\\))?`).exec(
        e.message,
      );
    if (changed) {
      throw new CheckFailure(
        `${name} returned with x not restored${changed[1] ?? ""}: x may change while you ` +
          `compute, but must be exactly as it was when the function returns: save each entry ` +
          `before moving it and assign the saved value back`,
        undefined,
        e.kind,
      );
    }
    throw e;
  }
}

/**
 * What known wrong forms of the relative error give on `a` and `b`: each entry's error divided
 * by |a| alone, the floor left out of the denominator, the mean of the entries' errors.
 */
function otherRelErrors(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { what: string; kind: MistakeKind; value: number }[] {
  let firstOnly = 0, noFloor = 0, mean = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    firstOnly = Math.max(firstOnly, d / Math.max(Math.abs(a[i]), FLOOR));
    noFloor = Math.max(noFloor, d / Math.max(Math.abs(a[i]), Math.abs(b[i])));
    mean += d / Math.max(Math.abs(a[i]), Math.abs(b[i]), FLOOR) / a.length;
  }
  return [
    {
      what: "each entry's error divided by |a| alone, not by the larger of |a| and |b|",
      kind: "other",
      value: firstOnly,
    },
    {
      what: "the largest error without the floor in the denominator",
      kind: "missing-term",
      value: noFloor,
    },
    { what: "the mean of the entries' errors, not the largest", kind: "other", value: mean },
  ];
}

/** Calls the learner's `relativeError(a, b)` and compares with the reference. */
async function checkRelativeError(t: TestContext, a: Matrix, b: Matrix): Promise<void> {
  const what = `relativeError(a, b) on ${a.rows}×${a.cols} matrices`;
  const got = t.expectNumber(await t.call("relativeError", a, b), what);
  const expected = referenceRelError(a.data, b.data);
  const close = (x: number, y: number) => relativeError(x, y, TIGHT.atol) <= TIGHT.rtol;
  const other = close(got, expected)
    ? undefined
    : otherRelErrors(a.data, b.data).find((o) => close(got, o.value) && !close(expected, o.value));
  t.expect(
    other === undefined,
    `${what} is ${got}, expected ${expected}: it is ${other?.what}`,
    other?.kind,
  );
  t.expectClose(what, got, expected, TIGHT);
}

/**
 * Runs `gradientCheck` on a fresh probe at a random x of the given shape, with the exact
 * analytic gradient or a wrong one, and checks `numeric` and `relError` against the grader's.
 */
async function checkGradient(
  t: TestContext,
  rows: number,
  cols: number,
  wrong: boolean,
  h?: number,
): Promise<void> {
  const x = randomMatrix(t.rng, rows, cols);
  const params = smoothParams(t.rng, x.size);
  const analytic = new Matrix(rows, cols, probeFunction("smooth", params).gradient(x.data));
  if (wrong) {
    // A factor and a sign, as a learner's backward gets them wrong: every entry off.
    for (let i = 0; i < analytic.size; i++) analytic.data[i] *= 1.5;
    analytic.data[t.rng.int(0, analytic.size - 1)] *= -1;
  }
  const f = t.probe("smooth", params);
  const args = h === undefined ? [f, x, analytic] : [f, x, analytic, h];
  const traced = await restoring("gradientCheck", () => t.callTraced("gradientCheck", ...args));
  const shape = `${rows}×${cols}`;
  const out = t.expectObject(traced.value, `gradientCheck(f, x, analytic) on a ${shape} x`, [
    "numeric",
    "relError",
  ]);
  const numeric = t.expectMatrix(out.numeric, `numeric (${shape})`, [rows, cols]);
  const relError = t.expectNumber(out.relError, `relError (${shape})`);
  checkTrace(t, traced.probes[0], x, 2 * x.size);
  const step = h ?? 1e-5;
  const expected = new Matrix(rows, cols);
  for (let i = 0; i < x.size; i++) expected.data[i] = referenceCentered(params, x.data, i, step);
  expectNoKnownMethod(t, numeric, expected, [
    {
      what: `a one-sided difference with step ${step}`,
      value: x.data.map((_, i) => referenceOneSided(params, x.data, i, step)),
    },
    {
      what: `the centered difference with the step 1e-5, not the step ${step} passed`,
      value: x.data.map((_, i) => referenceCentered(params, x.data, i, 1e-5)),
    },
  ]);
  t.expectClose(
    `numeric (${shape}) against the centered difference with step ${step}`,
    numeric,
    expected,
    TIGHT,
  );
  const reference = referenceRelError(analytic.data, expected.data);
  if (wrong) {
    t.expect(
      relError > 0.1,
      `relError is ${relError} for a wrong analytic gradient (the grader's: ${reference}): ` +
        `a wrong gradient must give a large relative error`,
    );
    t.expectClose(`relError (${shape}, a wrong analytic gradient)`, relError, reference, {
      rtol: 1e-9,
      atol: 1e-12,
    });
  } else {
    // The error of a right gradient is the centered difference's own, ~1e-10: a few ulps of
    // difference in numeric move it in its later digits, so it is compared absolutely.
    t.expectClose(`relError (${shape}, the right analytic gradient)`, relError, reference, {
      rtol: 1e-3,
      atol: 1e-9,
    });
    t.expect(
      relError < 1e-6,
      `relError is ${relError} for the right analytic gradient (the grader's: ${reference})`,
    );
  }
}

/**
 * Runs `stepSweep` along a random entry of a 2×3 x at steps 1e-1 … 1e-12 and compares each
 * derivative with the grader's centered difference at that step.
 */
async function checkSweep(t: TestContext): Promise<void> {
  const x = randomMatrix(t.rng, 2, 3);
  const params = smoothParams(t.rng, x.size);
  const i = t.rng.int(1, x.size - 1);
  const steps = new Float64Array(12);
  for (let k = 0; k < steps.length; k++) steps[k] = 10 ** -(k + 1);
  const traced = await restoring(
    "stepSweep",
    () => t.callTraced("stepSweep", t.probe("smooth", params), x, i, steps),
  );
  const value = traced.value;
  t.expect(
    value instanceof Float64Array && value.length === steps.length,
    `stepSweep(f, x, ${i}, steps) must return a Float64Array of ${steps.length} ` +
      `derivatives, one per step`,
  );
  checkTrace(t, traced.probes[0], x, 2 * steps.length);
  const expected = steps.map((h) => referenceCentered(params, x.data, i, h));
  t.expectClose(
    `stepSweep(f, x, ${i}, steps) (x 2×3) against the centered differences at those steps`,
    Matrix.rowVector(Array.from(value)),
    Matrix.rowVector(Array.from(expected)),
    TIGHT,
  );
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Two separate jobs: a numerical gradient exactly as in exercise 01 (one entry moved at a time, on x itself, saved value put back), and a scale-free distance between two gradients, taken entry by entry with the worst entry reported. The floor in the distance's denominator is what keeps two zeros from giving NaN.",
  "By hand, relativeError of [1, 0, 2e-9] and [1.5, 0, −3e-9]: the first entries differ by 0.5 and the larger of them is 1.5, so 1/3; the zeros give 0 over the floor, which is 0; the tiny pair differs by 5e-9 and both are below the floor, so 5e-9 over 1e-8 is 0.5. The answer is the largest, 0.5. For the sweep, do for one entry and each step in turn what exercise 01 does for every entry at one step.",
  "Per entry and step: old = x.data[i]; x.data[i] = old + h; plus = f(x); x.data[i] = old − h; minus = f(x); x.data[i] = old; derivative = (plus − minus) / (2 * h). relError = max over i of Math.abs(a − b) / Math.max(Math.abs(a), Math.abs(b), 1e-8), starting from 0.",
];

/** The hidden tests of `gradient_check`. */
export const spec: ExerciseSpec = {
  id: "gradient_check",
  exports: ["relativeError", "gradientCheck", "stepSweep"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      relativeError: ["a", "b"],
      gradientCheck: ["f", "x", "analytic", "h"],
      stepSweep: ["f", "x", "i", "steps"],
    },
  }, [
    {
      name: "relativeError: the worst entry of two 3×4 matrices",
      async run(t) {
        const a = randomMatrix(t.rng, 3, 4, { scale: 3 });
        const b = new Matrix(3, 4);
        // Entries where b is larger and where a is: dividing by one side only shows.
        for (let i = 0; i < a.size; i++) {
          b.data[i] = a.data[i] * (i % 2 === 0 ? t.rng.uniform(1.5, 3) : t.rng.uniform(0.2, 0.6));
        }
        await checkRelativeError(t, a, b);
        await checkRelativeError(t, b, a);
      },
    },
    {
      name: "relativeError: entries near zero meet the floor, two zeros give 0 (2×5)",
      async run(t: TestContext) {
        const a = randomMatrix(t.rng, 2, 5);
        const b = a.clone();
        for (let i = 0; i < a.size; i++) b.data[i] *= 1 + t.rng.uniform(1e-9, 1e-8);
        a.data[1] = b.data[1] = 0;
        a.data[6] = b.data[6] = 0;
        // The worst entry is a tiny pair, judged over the floor.
        a.data[3] = t.rng.sign() * t.rng.uniform(1e-10, 4e-9);
        b.data[3] = -a.data[3] + t.rng.sign() * t.rng.uniform(1e-9, 3e-9);
        await checkRelativeError(t, a, b);
        const zeros = new Matrix(2, 5);
        const got = t.expectNumber(
          await t.call("relativeError", zeros, zeros.clone()),
          "relativeError of two 2×5 zero matrices",
        );
        t.expect(got === 0, `relativeError of two 2×5 zero matrices is ${got}, not 0`);
      },
    },
    {
      name: "gradientCheck: the right analytic gradient on a 1×7 row",
      async run(t) {
        await checkGradient(t, 1, 7, false);
      },
    },
    {
      name: "gradientCheck: a wrong analytic gradient on a 4×3 matrix",
      async run(t) {
        await checkGradient(t, 4, 3, true);
      },
    },
    {
      name: "gradientCheck uses the step h it is given (h = 1e-3, a 5×1 column)",
      async run(t) {
        await checkGradient(t, 5, 1, true, 1e-3);
      },
    },
    {
      name: "stepSweep: steps from 1e-1 down to 1e-12 along one entry of a 2×3 matrix",
      async run(t) {
        await checkSweep(t);
      },
    },
  ]),
};
