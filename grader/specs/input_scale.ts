/**
 * Hidden tests of exercise 10, the effect of input scale: `weightGradient(X, dS)` → dW = Xᵀ·dS,
 * `standardizeFeatures(X)` → `{ Xn, mean, std }` and `trainLinearRegression(X, y, options)` →
 * `{ w, losses }` (gradient descent on the mean squared error of s = X·w, from w = 0).
 *
 * The weight gradient is compared with the numerical gradient of Σ (X·W) ⊙ dS, and the
 * relation dW(k·X) = k·dW(X) is checked on the learner's own outputs for small, large and
 * negative k, for the whole batch and feature by feature. Standardization is compared with a
 * reference (std over N) and shown to remove every feature's units and offset.
 *
 * The training runs are replayed by a reference (plain loops) and compared step by step. One
 * test trains on X and on 1000·X with the learning rate η, η/1000 and η/1000², and draws the
 * four loss curves in one chart: with η the run on 1000·X blows up, with η/1000 it still does
 * (the gradient is back to its old size, but each weight now moves the scores 1000 times as
 * much), and with η/1000² it follows the curve of X exactly (with w 1000 times smaller): for
 * w' = w/k, L(k·X·w') = L(X·w) and ∇L(w') = k·∇L(w), so a step of η/k² on w' is the step of η
 * on w.
 *
 * @module
 */

import { distinctSizes, isMatrix, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import type { MistakeKind } from "../mistake_kinds.ts";
import { relativeError } from "../compare.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";
import { historyKind } from "./_history.ts";
import type { MistakenResult } from "../diagnosis/diagnose.ts";

/** Reference: Σ (X·W) ⊙ dS, the scalar whose gradient in W is dW. */
function weightedScores(X: Matrix, W: Matrix, dS: Matrix): number {
  const n = X.rows, d = X.cols, c = W.cols;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      let score = 0;
      for (let k = 0; k < d; k++) score += X.data[i * d + k] * W.data[k * c + j];
      s += score * dS.data[i * c + j];
    }
  }
  return s;
}

/** Reference: Xᵀ·dS with plain loops. */
function referenceGradient(X: Matrix, dS: Matrix): Matrix {
  const n = X.rows, d = X.cols, c = dS.cols;
  const dW = new Matrix(d, c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const x = X.data[i * d + k];
      for (let j = 0; j < c; j++) dW.data[k * c + j] += x * dS.data[i * c + j];
    }
  }
  return dW;
}

/** Reference standardization, column by column, std over N. */
function referenceStandardize(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const n = X.rows, d = X.cols;
  const mean = new Matrix(1, d), std = new Matrix(1, d), Xn = new Matrix(n, d);
  for (let k = 0; k < d; k++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += X.data[i * d + k];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (X.data[i * d + k] - m) ** 2;
    const s = Math.sqrt(v / n);
    mean.data[k] = m;
    std.data[k] = s;
    for (let i = 0; i < n; i++) Xn.data[i * d + k] = (X.data[i * d + k] - m) / s;
  }
  return { Xn, mean, std };
}

/** Data whose columns have spread at least 0.3 (so no column is nearly constant), with offsets. */
function spreadData(rng: Rng, n: number, d: number): Matrix {
  for (;;) {
    const X = randomMatrix(rng, n, d);
    const offsets = randomMatrix(rng, 1, d, { scale: 3 });
    const shifted = X.add(offsets);
    if (referenceStandardize(shifted).std.data.every((s) => s >= 0.3)) return shifted;
  }
}

/** Calls the learner's weightGradient and checks the shape. */
async function learnerGradient(
  t: TestContext,
  X: Matrix,
  dS: Matrix,
  what: string,
): Promise<Matrix> {
  return t.expectMatrix(await t.call("weightGradient", X, dS), what, [X.cols, dS.cols]);
}

/** Calls the learner's standardizeFeatures and checks the fields' shapes. */
async function learnerStandardize(
  t: TestContext,
  X: Matrix,
  what: string,
): Promise<{ Xn: Matrix; mean: Matrix; std: Matrix }> {
  const r = t.expectObject(await t.call("standardizeFeatures", X), what, ["Xn", "mean", "std"]);
  return {
    Xn: t.expectMatrix(r.Xn, `${what}.Xn`, [X.rows, X.cols]),
    mean: t.expectMatrix(r.mean, `${what}.mean`, [1, X.cols]),
    std: t.expectMatrix(r.std, `${what}.std`, [1, X.cols]),
  };
}

function formatFactor(k: number): string {
  return Math.abs(k) >= 1e4 || Math.abs(k) < 1e-2 ? k.toExponential() : String(k);
}

/** The options of the learner's `trainLinearRegression`. */
interface RegressionOptions {
  learningRate: number;
  steps: number;
}

/** A training run: the weights after the last step, and the loss recorded before each step. */
interface Regression {
  w: Matrix;
  losses: number[];
}

/**
 * The reference training, with loops: s = X·w, L = (1/N)·Σ (s − y)², w ← w − η·∂L/∂w from
 * w = 0, the loss recorded before each update.
 */
export function referenceRegression(X: Matrix, y: Matrix, options: RegressionOptions): Regression {
  const n = X.rows, d = X.cols, x = X.data;
  const w = new Matrix(d, 1);
  const r = new Float64Array(n), g = new Float64Array(d);
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k] * w.data[k];
      r[i] = s - y.data[i];
      loss += r[i] * r[i];
    }
    losses.push(loss / n);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) g[k] += (2 * x[i * d + k] * r[i]) / n;
    }
    for (let k = 0; k < d; k++) w.data[k] -= options.learningRate * g[k];
  }
  return { w, losses };
}

/**
 * A learning rate at which every step lowers the loss: the loss's curvature is at most
 * 2·λmax(XᵀX/N) ≤ 2·mean ‖xᵢ‖², and a step of 1/curvature or less always goes downhill.
 */
function safeRate(X: Matrix): number {
  let sum = 0;
  for (const v of X.data) sum += v * v;
  return 0.5 / (sum / X.rows);
}

/** A regression problem: targets a linear function of the features plus a little noise. */
function regressionProblem(rng: Rng, n: number, d: number): { X: Matrix; y: Matrix } {
  const X = randomMatrix(rng, n, d);
  const truth = randomMatrix(rng, d, 1, { scale: 2 });
  const y = X.matmul(truth).add(randomMatrix(rng, n, 1, { scale: 0.3 }));
  return { X, y };
}

/** Tolerance of a replayed run: float64 rounding, amplified a little by the steps. */
const REPLAY = { rtol: 1e-9, atol: 1e-12 };

/**
 * Calls the learner's trainer and checks the form of what it returns: w D×1, `steps` losses.
 * The losses are drawn as `label` as they came, before any check.
 */
async function learnerRegression(
  t: TestContext,
  X: Matrix,
  y: Matrix,
  options: RegressionOptions,
  label: string,
): Promise<Regression> {
  const value = await t.call("trainLinearRegression", X, y, options);
  if (value !== null && typeof value === "object") {
    t.series(label, (value as { losses?: unknown }).losses);
  }
  return checkedRegression(t, value, X, options, label);
}

/** What the learner's trainer returned, checked: w D×1 and `steps` finite losses. */
function checkedRegression(
  t: TestContext,
  value: unknown,
  X: Matrix,
  options: RegressionOptions,
  label: string,
): Regression {
  const what = `trainLinearRegression(${label})`;
  const out = t.expectObject(value, what, ["w", "losses"]);
  // A run that blew up past what float64 holds: say so in training's terms (the generic
  // message speaks of exp overflowing). The reference's runs stay finite by design.
  const values = [
    ...(isMatrix(out.w) ? out.w.data : []),
    ...(Array.isArray(out.losses) ? out.losses : []),
  ];
  const bad = values.find((v) => typeof v === "number" && !Number.isFinite(v));
  t.expect(
    bad === undefined,
    `${what}: your run reached ${bad}: the loss grew past what a float64 holds (about ` +
      `1.8e308), where gradient descent as the exercise describes it stays finite on these ` +
      `${options.steps} steps: a step larger than η times the gradient (a missing 1/N, an ` +
      `extra factor), or an update in the wrong direction?`,
  );
  const w = t.expectMatrix(out.w, `${what}.w`, [X.cols, 1]);
  const raw = out.losses;
  t.expect(
    Array.isArray(raw),
    `${what}.losses: expected a plain array of numbers, got ${
      raw instanceof Float64Array ? "a Float64Array (use a number[])" : typeof raw
    }`,
  );
  t.expect(
    raw.length === options.steps,
    `${what}.losses: expected one loss per step (${options.steps}), got ${raw.length}`,
  );
  return { w, losses: raw.map((v, k) => t.expectNumber(v, `${what}.losses[${k}]`)) };
}

/**
 * A learner's run against the reference's, loss by loss (naming the first step that differs),
 * then w.
 */
function expectSameRegression(
  t: TestContext,
  got: Regression,
  ref: Regression,
  label: string,
  problem?: { X: Matrix; y: Matrix; rate: number },
) {
  const history = historyKind(got.losses, ref.losses, REPLAY);
  for (let k = 0; k < ref.losses.length; k++) {
    const e = relativeError(got.losses[k], ref.losses[k], REPLAY.atol);
    const step = k === 1 && problem && e > REPLAY.rtol
      ? firstStepKind(problem.X, problem.y, problem.rate, got.losses[1])
      : undefined;
    t.expect(
      e <= REPLAY.rtol,
      `losses[${k}] (${label}) is ${got.losses[k].toPrecision(10)}, expected ` +
        `${ref.losses[k].toPrecision(10)} (relative error ${e.toExponential(1)} > ` +
        `${REPLAY.rtol}): ${
          k === 0
            ? "losses[0] is the loss of w = 0, the mean of y² (recorded before the first update)"
            : `the losses agree up to step ${k - 1}, so update ${k - 1} (or the loss it ` +
              `recorded) differs from gradient descent as the exercise describes it`
        }${step ? `; ${step.text}` : history ? `; ${history.text}` : ""}`,
      step?.kind ?? history?.kind,
    );
  }
  t.expectClose(`w (${label})`, got.w, ref.w, REPLAY);
}

/**
 * What a wrong first update was, from the loss it led to: from w = 0 the step is −s·η·g for the
 * true gradient g, and the loss after it is a quadratic in s, solved here for the learner's
 * `loss1`. A simple s names the mistake: −1 uphill, N a sum for the mean, ½ or 2 a factor 2.
 */
export function firstStepKind(
  X: Matrix,
  y: Matrix,
  rate: number,
  loss1: number,
): { kind: MistakeKind; text: string } | undefined {
  const n = X.rows, d = X.cols;
  const g = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) g[k] -= (2 * X.data[i * d + k] * y.data[i]) / n;
  }
  // Scores after a step of s: s·v, with v = X·(−η·g); the loss is A·s² − 2B·s + C.
  let A = 0, B = 0, C = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 0; k < d; k++) v -= X.data[i * d + k] * rate * g[k];
    A += v * v / n;
    B += v * y.data[i] / n;
    C += y.data[i] * y.data[i] / n;
  }
  const disc = B * B - A * (C - loss1);
  if (!(A > 0) || disc < 0) return undefined;
  for (const s of [(B - Math.sqrt(disc)) / A, (B + Math.sqrt(disc)) / A]) {
    const near = (x: number) => Math.abs(s - x) <= 1e-6 * Math.max(1, Math.abs(x));
    if (near(-1)) {
      return { kind: "sign", text: "that loss is what a step uphill, +η·g, gives: a sign flipped" };
    }
    if (near(n)) {
      return {
        kind: "forgotten-1/N",
        text: `that loss is what a step ${n} = N times too long gives: the gradient summed ` +
          `over the batch where the mean is due`,
      };
    }
    if (near(0.5) || near(2)) {
      return {
        kind: "missing-factor",
        text: `that loss is what a step ${near(2) ? "twice" : "half"} as long gives: a factor ` +
          `2 ${near(2) ? "extra" : "missing"} in the gradient`,
      };
    }
  }
  return undefined;
}

/** "η/1000²", "η", for a learning rate that is η divided by `divisor`. */
function rateText(divisor: number): string {
  return divisor === 1 ? "η" : divisor === 1000 ? "η/1000" : "η/1000²";
}

/** Steps of the scale test: enough to see a curve, few enough that a blow-up stays finite. */
const SCALE_STEPS = 15;

/**
 * dW taken with X ⊙ X in place of X, (X²)ᵀ·dS: the local derivative of S = X·W for W is X
 * itself, as if the product's derivative were that of a square.
 */
function squaredInputs(X: Matrix, dS: Matrix): MistakenResult[] {
  return [{
    kind: "wrong-operand",
    value: X.square().T.matmul(dS).data,
    text: `equals the gradient computed from the squared inputs X ⊙ X instead of X: the ` +
      `local derivative taken at the wrong quantity`,
  }];
}

/**
 * Fails, naming a `missing-term`, when the learner's Xn is X / std without the centring: each
 * column divided by its spread but its mean never subtracted. Passes otherwise (the comparison
 * with the reference follows).
 */
function expectCentred(
  t: TestContext,
  X: Matrix,
  Xn: Matrix,
  ref: { Xn: Matrix; std: Matrix },
  what: string,
): void {
  const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length &&
    Array.prototype.every.call(a, (v: number, i: number) => relativeError(v, b[i], 1e-12) <= 1e-9);
  const uncentred = X.div(ref.std);
  t.expect(
    close(Xn.data, ref.Xn.data) || !close(Xn.data, uncentred.data),
    `${what} equals X / std, every column divided by its spread without its mean subtracted ` +
      `first: the centring (X − mean) was left out`,
    "missing-term",
  );
}

/** Inputs X (n×d) and dS (n×c) of weightGradient, and the weights W (d×c) the check perturbs. */
function gradientInputs(
  rng: Rng,
  n: number,
  d: number,
  c: number,
): { X: Matrix; dS: Matrix; W: Matrix } {
  const X = randomMatrix(rng, n, d);
  const dS = randomMatrix(rng, n, c);
  return { X, dS, W: randomMatrix(rng, d, c) };
}

/** Calls weightGradient(X, dS) and checks dW against the numerical gradient of Σ (X·W) ⊙ dS. */
async function checkWeightGradient(
  t: TestContext,
  { X, dS, W }: { X: Matrix; dS: Matrix; W: Matrix },
): Promise<void> {
  const dW = await learnerGradient(t, X, dS, "weightGradient(X, dS)");
  t.expectGradient("dW", dW, () => weightedScores(X, W, dS), W, {
    mistaken: squaredInputs(X, dS),
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "S = X·W is a product: each weight's local gradient is the piece of data it multiplies. Derive one entry of dW by asking which scores that weight appears in, then match the shapes (dW is D×C). Standardization: mean and std per column over the N rows, std dividing by N. Training: each step scores s = X·w, measures the loss as exercise 08 does (one output), takes its gradient on the scores (derive it, or call your mseLoss), and lets your weightGradient carry it to w; record the loss before the update.",
  "W[d][c] appears in S[i][c] for every example i, with factor X[i][d], so its gradient collects X[i][d] times dS[i][c] over all i. With X = [[1, 10], [3, 30]] and dS = [[1, 0], [0, 1]], the entry for d = 0, c = 0 is 1·1 + 3·0 = 1. Training on X = [[1], [2]], y = [[2], [4]]: at w = 0 the scores are [0, 0] and losses[0] = (4 + 16)/2 = 10; each score sits in one square of the sum, so its gradient here is [−2, −4], w's is 1·(−2) + 2·(−4) = −10, and with η = 0.1 the first step takes w to 1.",
  "dW = Xᵀ·dS (D×N times N×C): X.T.matmul(dS). So scaling X by k scales dW by k, and scaling column d alone scales row d of dW alone. Training: dS = 2·(s − y)/N, dw = Xᵀ·dS, w ← w − η·dw. On X·1000 the gradient is 1000 times larger and each weight moves the scores 1000 times as much: η/1000² gives back the curve of X.",
];

/** Exercise `input_scale`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "input_scale",
  exports: ["weightGradient", "standardizeFeatures", "trainLinearRegression"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      weightGradient: ["X", "dS"],
      standardizeFeatures: ["X"],
      trainLinearRegression: ["X", "y", "options"],
    },
  }, [
    sizedTest("dW on a batch with N, D, C all different", {
      sizes(rng) {
        const [N, D, C] = distinctSizes(rng, 3, 2, 9);
        return { N, D, C };
      },
      // Two examples at least: dW sums over the batch.
      min: { N: 2, D: 1, C: 1 },
      distinct: [["N", "D", "C"]],
      draw: (rng, { N, D, C }) => gradientInputs(rng, N, D, C),
      check: checkWeightGradient,
    }),
    {
      name: "scaling X by k scales dW by k (k small, large and negative)",
      async run(t) {
        const [n, d, c] = distinctSizes(t.rng, 3, 2, 8);
        const X = randomMatrix(t.rng, n, d);
        const dS = randomMatrix(t.rng, n, c);
        const base = await learnerGradient(t, X, dS, "weightGradient(X, dS)");
        for (const k of [2, -1, 1000, 1e-3, -0.5, 1e6, -250]) {
          const Xk = X.mul(k);
          const what = `weightGradient(${formatFactor(k)}·X, dS)`;
          const got = await learnerGradient(t, Xk, dS, what);
          t.expectClose(
            `${what} compared with ${formatFactor(k)} × weightGradient(X, dS)`,
            got,
            base.mul(k),
          );
          t.expectClose(what, got, referenceGradient(Xk, dS));
        }
        t.expectClose("weightGradient(X, dS)", base, referenceGradient(X, dS));
      },
    },
    {
      name: "scaling one feature by k scales only that row of dW",
      async run(t) {
        const [n, d, c] = distinctSizes(t.rng, 3, 3, 9);
        const X = randomMatrix(t.rng, n, d);
        const dS = randomMatrix(t.rng, n, c);
        const factors = new Matrix(1, d);
        for (let k = 0; k < d; k++) factors.data[k] = t.rng.sign() * 10 ** t.rng.uniform(-3, 3);
        const base = await learnerGradient(t, X, dS, "weightGradient(X, dS)");
        const Xs = X.mul(factors); // column k times factors[k]
        const got = await learnerGradient(t, Xs, dS, "dW with every feature rescaled");
        t.expectClose(
          "dW with feature k multiplied by f_k, compared with your dW for X with row k times f_k",
          got,
          base.mul(factors.T),
        );
        t.expectClose("weightGradient(X, dS)", base, referenceGradient(X, dS));
        t.expectClose("dW with every feature rescaled", got, referenceGradient(Xs, dS));
      },
    },
    sizedTest("dW on a batch of one (N = 1, D ≠ C)", {
      sizes(rng) {
        const [D, C] = distinctSizes(rng, 2, 2, 7);
        return { D, C };
      },
      min: { D: 1, C: 1 },
      distinct: [["D", "C"]],
      draw: (rng, { D, C }) => gradientInputs(rng, 1, D, C),
      check: checkWeightGradient,
    }),
    {
      name: "standardized features: mean and std per column over N, then Xn (N ≠ D)",
      async run(t) {
        const [n, d] = distinctSizes(t.rng, 2, 4, 10);
        const scales = new Matrix(1, d);
        for (let k = 0; k < d; k++) scales.data[k] = 10 ** t.rng.uniform(-2, 3);
        const X = spreadData(t.rng, n, d).mul(scales);
        const ref = referenceStandardize(X);
        const got = await learnerStandardize(t, X, "standardizeFeatures(X)");
        t.expectClose("mean (one per column, over the N rows)", got.mean, ref.mean);
        t.expectClose("std (one per column, dividing by N, not N − 1)", got.std, ref.std);
        expectCentred(t, X, got.Xn, ref, "Xn");
        t.expectClose("Xn", got.Xn, ref.Xn);
      },
    },
    {
      name: "standardizing removes each feature's units and offset",
      async run(t) {
        const [n, d, c] = distinctSizes(t.rng, 3, 3, 9);
        const X = spreadData(t.rng, n, d);
        const dS = randomMatrix(t.rng, n, c);
        const scales = new Matrix(1, d), shifts = new Matrix(1, d);
        for (let k = 0; k < d; k++) {
          scales.data[k] = 10 ** t.rng.uniform(-3, 4);
          shifts.data[k] = scales.data[k] * t.rng.uniform(-5, 5);
        }
        const raw = X.mul(scales).add(shifts);
        const a = await learnerStandardize(t, X, "standardizeFeatures(X)");
        expectCentred(t, X, a.Xn, referenceStandardize(X), "standardizeFeatures(X).Xn");
        t.expectClose("standardizeFeatures(X).Xn", a.Xn, referenceStandardize(X).Xn);
        const b = await learnerStandardize(t, raw, "standardizeFeatures(X rescaled and shifted)");
        t.expectClose(
          "Xn of X with every column rescaled and shifted, compared with Xn of X " +
            "(standardized data must not depend on a feature's units or offset)",
          b.Xn,
          a.Xn,
        );
        const gA = await learnerGradient(t, a.Xn, dS, "weightGradient(Xn, dS)");
        const gB = await learnerGradient(t, b.Xn, dS, "weightGradient(Xn of the rescaled X, dS)");
        t.expectClose("dW on the standardized rescaled data, compared with dW on Xn", gB, gA);
        t.expectClose(
          "weightGradient(Xn, dS)",
          gA,
          referenceGradient(referenceStandardize(X).Xn, dS),
        );
      },
    },
    {
      name: "training by gradient descent from w = 0: every loss and w, step by step (N ≠ D)",
      async run(t) {
        const [n, d] = distinctSizes(t.rng, 2, 3, 12);
        const { X, y } = regressionProblem(t.rng, 4 * n, d);
        const options = { learningRate: safeRate(X), steps: 20 };
        const ref = referenceRegression(X, y, options);
        const got = await learnerRegression(t, X, y, options, "yours");
        t.series("reference", ref.losses);
        expectSameRegression(t, got, ref, `learning rate ${options.learningRate.toPrecision(3)}`, {
          X,
          y,
          rate: options.learningRate,
        });
      },
    },
    {
      name: "the same training on X and on X·1000, with the learning rate η, η/1000 and η/1000²",
      async run(t) {
        const [n, d] = distinctSizes(t.rng, 2, 3, 12);
        const { X, y } = regressionProblem(t.rng, 3 * n, d);
        const eta = safeRate(X);
        const X1000 = X.mul(1000);
        const runs: { data: string; divisor: number; X: Matrix }[] = [
          { data: "X", divisor: 1, X },
          { data: "X·1000", divisor: 1, X: X1000 },
          { data: "X·1000", divisor: 1000, X: X1000 },
          { data: "X·1000", divisor: 1e6, X: X1000 },
        ];
        // All four runs first, each drawn as it came, then each judged: a wrong trainer is
        // seen on every scale, not only up to its first difference.
        const calls = [];
        for (const r of runs) {
          const label = `${r.data}, ${rateText(r.divisor)}`;
          const options = { learningRate: eta / r.divisor, steps: SCALE_STEPS };
          calls.push({
            ...r,
            label,
            options,
            out: await t.call("trainLinearRegression", r.X, y, options),
          });
          t.series(label, (calls.at(-1)!.out as { losses?: unknown } | null)?.losses);
        }
        const got: Regression[] = [];
        for (const c of calls) {
          const mine = checkedRegression(t, c.out, c.X, c.options, c.label);
          expectSameRegression(t, mine, referenceRegression(c.X, y, c.options), c.label, {
            X: c.X,
            y,
            rate: c.options.learningRate,
          });
          got.push(mine);
        }
        const [base, blown, half, same] = got;
        const growth = (l: number[]) => l[l.length - 1] / l[0];
        t.note(
          `on X with η the loss went from ${base.losses[0].toPrecision(3)} to ` +
            `${base.losses[SCALE_STEPS - 1].toPrecision(3)}; on X·1000 it grew ` +
            `${growth(blown.losses).toExponential(1)}-fold with η and ` +
            `${growth(half.losses).toExponential(1)}-fold with η/1000`,
        );
        t.expectClose(
          "your losses on X·1000 with η/1000², compared with your losses on X with η (the " +
            "same curve: the scores X·1000·w' are those of X·w when w' = w/1000)",
          Matrix.from([same.losses]),
          Matrix.from([base.losses]),
          REPLAY,
        );
        t.expectClose(
          "1000 × your w on X·1000 with η/1000², compared with your w on X with η",
          same.w.mul(1000),
          base.w,
          REPLAY,
        );
      },
    },
  ]),
};
