/**
 * Hidden tests of exercise 08, the effect of input scale: `weightGradient(X, dS)` → dW = Xᵀ·dS
 * and `standardizeFeatures(X)` → `{ Xn, mean, std }`.
 *
 * The weight gradient is compared with the numerical gradient of Σ (X·W) ⊙ dS, and the
 * relation dW(k·X) = k·dW(X) is checked on the learner's own outputs for small, large and
 * negative k, for the whole batch and feature by feature. Standardization is compared with a
 * reference (std over N) and shown to remove every feature's units and offset.
 *
 * @module
 */

import { distinctSizes, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, TestContext } from "../spec.ts";
import { newValues } from "./_new_values.ts";

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

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "S = X·W is a product: each weight's local gradient is the piece of data it multiplies. Derive one entry of dW by asking which scores that weight appears in, then match the shapes (dW is D×C). Standardization: mean and std per column over the N rows, std dividing by N.",
  "W[d][c] appears in S[i][c] for every example i, with factor X[i][d], so its gradient collects X[i][d] times dS[i][c] over all i. With X = [[1, 10], [3, 30]] and dS = [[1, 0], [0, 1]], the entry for d = 0, c = 0 is 1·1 + 3·0 = 1.",
  "dW = Xᵀ·dS (D×N times N×C): X.T.matmul(dS). So scaling X by k scales dW by k, and scaling column d alone scales row d of dW alone.",
];

export const spec: ExerciseSpec = {
  id: "input_scale",
  exports: ["weightGradient", "standardizeFeatures"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: { weightGradient: ["X", "dS"], standardizeFeatures: ["X"] },
  }, [
    {
      name: "dW on a batch with N, D, C all different",
      async run(t) {
        const [n, d, c] = distinctSizes(t.rng, 3, 2, 9);
        const X = randomMatrix(t.rng, n, d);
        const dS = randomMatrix(t.rng, n, c);
        const W = randomMatrix(t.rng, d, c);
        const dW = await learnerGradient(t, X, dS, "weightGradient(X, dS)");
        t.expectGradient("dW", dW, () => weightedScores(X, W, dS), W);
      },
    },
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
    {
      name: "dW on a batch of one (N = 1, D ≠ C)",
      async run(t) {
        const [d, c] = distinctSizes(t.rng, 2, 2, 7);
        const X = randomMatrix(t.rng, 1, d);
        const dS = randomMatrix(t.rng, 1, c);
        const W = randomMatrix(t.rng, d, c);
        const dW = await learnerGradient(t, X, dS, "weightGradient(X, dS)");
        t.expectGradient("dW", dW, () => weightedScores(X, W, dS), W);
      },
    },
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
  ]),
};
