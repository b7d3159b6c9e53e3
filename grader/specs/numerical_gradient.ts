/**
 * Hidden tests of exercise 01, the numerical gradient by centered differences.
 *
 * The learner's `numericalGradient` receives a probe function (`smooth` from
 * `../sandbox/probes.ts`): a smooth, curved, coupled function of x whose exact gradient is
 * known. The sandbox traces how the learner calls it, and the tests check the trace (two calls
 * per entry, x itself every time, one perturbed entry at a time) and the result against the
 * exact gradient, with a tolerance a centered difference at h = 1e-5 meets (error ~1e-10) and a
 * one-sided one does not (error ~1e-5). The x-unchanged check is done by `t.call` itself.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import { CheckFailure, type ExerciseSpec, type TestContext } from "../spec.ts";
import { probeFunction, type ProbeTrace } from "../sandbox/probes.ts";
import { newValues } from "./_new_values.ts";
import { relativeError } from "../compare.ts";

/**
 * Centered differences at h = 1e-5 on the probe are accurate to about 1e-9 absolute; a
 * one-sided difference is off by about h/2 times the curvature, ~1e-5.
 */
const TOLERANCE = { rtol: 1e-7, atol: 0.1 };

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

/** Judges what the learner did with the probe, before looking at the result. */
function checkTrace(t: TestContext, trace: ProbeTrace | undefined, x: Matrix): void {
  const n = x.size;
  t.expect(trace !== undefined, "internal: no trace of the probe function");
  if (trace.badArguments > 0) {
    t.expect(
      false,
      `f was called ${trace.badArguments} time(s) with something other than a Matrix of ` +
        `x's shape (${x.rows}×${x.cols}): call f(x) with the matrix x itself`,
    );
  }
  t.expect(
    trace.sameObject,
    "f was called with a copy of x: write the perturbed value into x.data and call f(x) with " +
      "x itself (the function being checked reads the numbers where they live)",
    "other",
  );
  t.expect(
    trace.maxChanged <= 1,
    `perturbed several coordinates at once: at one call of f, ${trace.maxChanged} entries of ` +
      `x differed from their original values; change one entry, evaluate, and put it back ` +
      `(by assigning the saved value) before moving to the next`,
    "modified-input",
  );
  t.expect(
    trace.calls === 0 || trace.maxChanged === 1,
    "f was never called with a perturbed x: write old + h (and old − h) into x.data[i] " +
      "before calling f(x)",
  );
  if (trace.calls < 2 * n || trace.calls > 2 * n + 2) {
    const oneSided = trace.calls === n + 1 || trace.calls === n
      ? " (that looks like a one-sided difference: a centered one evaluates f on both sides " +
        "of every entry)"
      : "";
    t.expect(
      false,
      `f was called ${trace.calls} time(s) for ${n} entries; a centered difference needs two ` +
        `calls per entry, ${2 * n} in all${oneSided}`,
      oneSided ? "other" : undefined,
    );
  }
}

/** The centered difference of the probe at `x` with step `h`, computed here (trusted). */
function referenceCentered(params: Record<string, unknown>, x: Matrix, h: number): Matrix {
  const fn = probeFunction("smooth", params);
  const xs = x.data.slice();
  const g = new Matrix(x.rows, x.cols);
  for (let i = 0; i < xs.length; i++) {
    const old = xs[i];
    xs[i] = old + h;
    const plus = fn.value(xs);
    xs[i] = old - h;
    const minus = fn.value(xs);
    xs[i] = old;
    g.data[i] = (plus - minus) / (2 * h);
  }
  return g;
}

/** The one-sided difference (f(x + h) − f(x)) / h of the probe at `x`, computed here. */
function referenceOneSided(params: Record<string, unknown>, x: Matrix, h: number): Matrix {
  const fn = probeFunction("smooth", params);
  const xs = x.data.slice();
  const g = new Matrix(x.rows, x.cols);
  for (let i = 0; i < xs.length; i++) {
    const old = xs[i];
    const base = fn.value(xs);
    xs[i] = old + h;
    const plus = fn.value(xs);
    xs[i] = old;
    g.data[i] = (plus - base) / h;
  }
  return g;
}

/**
 * Fails, naming the method (`other`), when the learner's gradient is not `expected` but is what
 * a known wrong method gives on the same probe: a one-sided difference with the step used, or a
 * centered one with the default step 1e-5 where another step `h` was passed. Passes otherwise.
 */
function expectNoKnownMethod(
  t: TestContext,
  got: Matrix,
  expected: Matrix,
  methods: { what: string; value: Matrix }[],
): void {
  const same = (a: Matrix, b: Matrix, rtol: number, atol = 1e-9) =>
    a.data.every((v, i) => relativeError(v, b.data[i], atol) <= rtol);
  // Within the test's own tolerance: the comparison that follows passes, so nothing is named.
  if (same(got, expected, TOLERANCE.rtol, TOLERANCE.atol)) return;
  const method = methods.find((m) => same(got, m.value, 1e-8) && !same(expected, m.value, 1e-8));
  t.expect(
    method === undefined,
    `numericalGradient(f, x) is, to rounding, ${method?.what}: the right values need the ` +
      `centered difference with the step given`,
    "other",
  );
}

/**
 * Calls the learner on a fresh smooth probe at a random x of the given shape (with `h` when
 * given), checks the trace, and compares with the exact gradient (or, with `h`, with the
 * centered difference at that step).
 */
async function checkOn(t: TestContext, rows: number, cols: number, h?: number): Promise<void> {
  const x = randomMatrix(t.rng, rows, cols);
  const params = smoothParams(t.rng, x.size);
  const f = t.probe("smooth", params);
  let traced;
  try {
    traced = h === undefined
      ? await t.callTraced("numericalGradient", f, x)
      : await t.callTraced("numericalGradient", f, x, h);
  } catch (e) {
    const changed = e instanceof CheckFailure &&
      /^numericalGradient returned with its argument x changed( \(element [^)]*\))?/.exec(
        e.message,
      );
    if (changed) {
      // Not "leave every input as it was": here x changes during the call, by design.
      throw new CheckFailure(
        `numericalGradient returned with x not restored${changed[1] ?? ""}: x may change ` +
          `while you compute (that is how the numerical gradient works), but must be exactly ` +
          `as it was when the function returns: save each entry before perturbing it and ` +
          `assign the saved value back; adding h and subtracting it again does not always ` +
          `restore the same number`,
        undefined,
        e.kind,
      );
    }
    throw e;
  }
  const got = t.expectMatrix(traced.value, "numericalGradient(f, x)", [rows, cols]);
  checkTrace(t, traced.probes[0], x);
  if (h === undefined) {
    const exact = new Matrix(rows, cols, probeFunction("smooth", params).gradient(x.data));
    expectNoKnownMethod(t, got, exact, [
      { what: "a one-sided difference with step 1e-5", value: referenceOneSided(params, x, 1e-5) },
    ]);
    t.expectClose("numericalGradient(f, x) against the exact gradient", got, exact, TOLERANCE);
  } else {
    expectNoKnownMethod(t, got, referenceCentered(params, x, h), [
      { what: `a one-sided difference with step ${h}`, value: referenceOneSided(params, x, h) },
      {
        what: `the centered difference with the default step 1e-5, not the step ${h} passed`,
        value: referenceCentered(params, x, 1e-5),
      },
    ]);
    t.expectClose(
      `numericalGradient(f, x, ${h}) against the centered difference with step ${h}`,
      got,
      referenceCentered(params, x, h),
      TOLERANCE,
    );
  }
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "A derivative along one entry is a slope: move that entry alone a little up and a little down, and see how much f changes over the distance between the two points. Every other entry stays put, and x must come back bit for bit as it was.",
  "By hand: f(x) = x² at x = 3 with h = 0.5. f(3.5) = 12.25 and f(2.5) = 6.25, two points 1 apart, so the slope is 6 (exactly the derivative 2·3: a centered difference is exact on a quadratic). In code, per entry: save old = x.data[i], write old + h, call f(x), write old − h, call f(x), write old back.",
  "grad.data[i] = (f(x with x.data[i] = old + h) − f(x with x.data[i] = old − h)) / (2h), for every entry i, with x.data[i] = old written back after the two calls.",
];

/** The hidden tests of `numerical_gradient`. */
export const spec: ExerciseSpec = {
  id: "numerical_gradient",
  exports: ["numericalGradient"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { numericalGradient: ["f", "x", "h"] } }, [
    {
      name: "gradient with respect to a 1×n row",
      async run(t) {
        await checkOn(t, 1, t.rng.int(6, 11));
      },
    },
    {
      name: "gradient with respect to an n×1 column",
      async run(t) {
        await checkOn(t, t.rng.int(5, 10), 1);
      },
    },
    {
      name: "gradient with respect to an r×c matrix with r ≠ c",
      async run(t) {
        const r = t.rng.int(3, 5);
        await checkOn(t, r, r + t.rng.int(1, 4));
      },
    },
    {
      name: "a single entry (1×1)",
      async run(t) {
        await checkOn(t, 1, 1);
      },
    },
    {
      name: "uses the step h it is given (h = 0.01)",
      async run(t) {
        const r = t.rng.int(2, 4);
        await checkOn(t, r + t.rng.int(1, 3), r, 0.01);
      },
    },
    {
      name: "a larger input (about fifty entries), every entry restored exactly",
      async run(t) {
        const r = t.rng.int(6, 8);
        await checkOn(t, r, r + 1);
      },
    },
  ]),
};
