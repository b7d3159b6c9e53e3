/**
 * Hidden tests of exercise 17, L2 regularization: the penalty λ·Σw² with gradient 2λW (no ½,
 * λ not divided by N), the total loss over several weight matrices, and a regularized linear
 * SVM with a bias that is not regularized. λ = 0 and a λ strong enough to dominate are each
 * tested on their own.
 *
 * @module
 */

import { classLabels, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, Sizes, TestCase, TestContext } from "../spec.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** Smallest distance of a hinge margin term from 0 in the SVM tests. */
const GAP = 0.05;

/** λ · Σ W²; reads `W.data` at call time. */
function referencePenalty(W: Matrix, lambda: number): number {
  let total = 0;
  for (const w of W.data) total += w * w;
  return lambda * total;
}

/**
 * A smooth stand-in for a data loss of several weight matrices, Σₖ Σ Aₖ ⊙ tanh(Wₖ), whose
 * gradient for Wₖ is Aₖ ⊙ (1 − tanh²(Wₖ)). Reads every `W.data` at call time.
 */
function referenceData(weights: Matrix[], coefficients: Matrix[]): number {
  let total = 0;
  weights.forEach((W, k) => {
    for (let i = 0; i < W.size; i++) total += coefficients[k].data[i] * Math.tanh(W.data[i]);
  });
  return total;
}

/** The gradients of {@linkcode referenceData}. */
function dataGradients(weights: Matrix[], coefficients: Matrix[]): Matrix[] {
  return weights.map((W, k) =>
    W.map((w, i, j) => coefficients[k].get(i, j) * (1 - Math.tanh(w) ** 2))
  );
}

/** The mean multiclass hinge loss of X·W + b plus λ · Σ W²; reads W, b and X at call time. */
function referenceSvm(W: Matrix, b: Matrix, X: Matrix, y: Int32Array, lambda: number): number {
  const n = X.rows, d = X.cols, c = W.cols;
  let hinge = 0;
  const s = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) {
      let v = b.data[j];
      for (let k = 0; k < d; k++) v += X.data[i * d + k] * W.data[k * c + j];
      s[j] = v;
    }
    for (let j = 0; j < c; j++) if (j !== y[i]) hinge += Math.max(0, s[j] - s[y[i]] + 1);
  }
  return hinge / n + referencePenalty(W, lambda);
}

/** Weights of the given shapes (entries away from 0) and data-loss coefficients. */
function weightSet(
  rng: Rng,
  shapes: [number, number][],
  scale = 1,
): { weights: Matrix[]; coefficients: Matrix[] } {
  return {
    weights: shapes.map(([r, c]) => randomMatrix(rng, r, c, { scale, gap: 0.05 * scale })),
    coefficients: shapes.map(([r, c]) => randomMatrix(rng, r, c)),
  };
}

/**
 * A linear classifier's W (D×C), a non-zero bias b (1×C), inputs X (N×D) and labels (every
 * class present when N ≥ C) whose scores X·W + b keep every margin term at least GAP from 0,
 * with some margins violated.
 */
function svmBatch(
  rng: Rng,
  shape: { n: number; d: number; c: number },
  biasScale = 1,
): { W: Matrix; b: Matrix; X: Matrix; y: Int32Array } {
  const { n, d, c } = shape;
  const W = randomMatrix(rng, d, c, { gap: 0.05 });
  const b = randomMatrix(rng, 1, c, { scale: biasScale, gap: 0.1 * biasScale });
  const y = classLabels(rng, n, c);
  for (let attempt = 0;; attempt++) {
    const X = new Matrix(n, d);
    for (let i = 0; i < n; i++) {
      for (let tries = 0;; tries++) {
        const x = randomMatrix(rng, 1, d);
        const s = x.matmul(W).add(b).data;
        let ok = true;
        for (let j = 0; j < c; j++) {
          if (j !== y[i] && Math.abs(s[j] - s[y[i]] + 1) < GAP) ok = false;
        }
        if (ok || tries > 10_000) {
          X.data.set(x.data, i * d);
          break;
        }
      }
    }
    if (referenceSvm(W, b, X, y, 0) > 0 || attempt > 100) return { W, b, X, y };
  }
}

/** Calls l2Penalty; checks the value and dW. */
async function checkPenalty(t: TestContext, W: Matrix, lambda: number, what: string) {
  const out = t.expectObject(await t.call("l2Penalty", W, lambda), "l2Penalty(...)", [
    "loss",
    "dW",
  ]);
  const loss = t.expectNumber(out.loss, `l2Penalty loss (${what})`);
  const dW = t.expectMatrix(out.dW, `l2Penalty dW (${what})`, [W.rows, W.cols]);
  t.expectClose(`l2Penalty loss (${what})`, loss, referencePenalty(W, lambda));
  t.expectGradient(`l2Penalty dW (${what})`, dW, () => referencePenalty(W, lambda), W);
}

/** Calls totalLoss on a weight set; checks the value and every gradient. */
async function checkTotal(
  t: TestContext,
  set: { weights: Matrix[]; coefficients: Matrix[] },
  lambda: number,
  what: string,
) {
  const { weights, coefficients } = set;
  const dataLoss = referenceData(weights, coefficients);
  const dataGrads = dataGradients(weights, coefficients);
  const out = t.expectObject(
    await t.call("totalLoss", dataLoss, dataGrads, weights, lambda),
    "totalLoss(...)",
    ["loss", "grads"],
  );
  const loss = t.expectNumber(out.loss, `totalLoss loss (${what})`);
  const grads = out.grads;
  t.expect(
    Array.isArray(grads) && grads.length === weights.length,
    `totalLoss grads (${what}): expected an array of ${weights.length} matrices, one per ` +
      `weight matrix, got ${Array.isArray(grads) ? `an array of ${grads.length}` : typeof grads}`,
  );
  const total = () =>
    referenceData(weights, coefficients) +
    weights.reduce((sum, W) => sum + referencePenalty(W, lambda), 0);
  t.expectClose(`totalLoss loss (${what})`, loss, total());
  weights.forEach((W, k) => {
    const g = t.expectMatrix(grads[k], `grads[${k}] (${what})`, [W.rows, W.cols]);
    t.expectGradient(`grads[${k}] (${what})`, g, total, W);
  });
}

/** Calls regularizedLinearSvm; checks the value, dW and db. */
async function checkSvm(
  t: TestContext,
  batch: { W: Matrix; b: Matrix; X: Matrix; y: Int32Array },
  lambda: number,
  what: string,
  parts: { value?: boolean; gradient?: boolean } = {},
) {
  const { value = true, gradient = true } = parts;
  const { W, b, X, y } = batch;
  const out = t.expectObject(
    await t.call("regularizedLinearSvm", W, b, X, y, lambda),
    "regularizedLinearSvm(...)",
    ["loss", "dW", "db"],
  );
  const loss = t.expectNumber(out.loss, `regularizedLinearSvm loss (${what})`);
  const dW = t.expectMatrix(out.dW, `dW (${what})`, [W.rows, W.cols]);
  const db = t.expectMatrix(out.db, `db (${what})`, [1, W.cols]);
  const f = () => referenceSvm(W, b, X, y, lambda);
  if (value) t.expectClose(`regularizedLinearSvm loss (${what})`, loss, f());
  if (gradient) {
    t.expectGradients([
      { what: `dW (${what})`, got: dW, f, x: W },
      { what: `db (${what})`, got: db, f, x: b },
    ]);
  }
}

/**
 * An l2Penalty test on one R×C matrix (entries of standard deviation `scale`), as a function of
 * R and C (different, so that a transposed dW shows) so that a failure can be shrunk.
 */
function penaltyTest(
  name: string,
  o: { sizes: Sizes; lambda: number; scale?: number },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: { R: 1, C: 1 },
    distinct: [["R", "C"]],
    draw: (rng, { R, C }) => ({
      W: o.scale === undefined
        ? randomMatrix(rng, R, C)
        : randomMatrix(rng, R, C, { scale: o.scale }),
    }),
    check: (t, { W }, { R, C }) => checkPenalty(t, W, o.lambda, `${R}×${C}, λ = ${o.lambda}`),
  });
}

/**
 * A totalLoss test on weight matrices of the shapes `shapes` gives at its sizes (a chain R×H,
 * H×C and, with K, a row 1×K), as a function of those sizes so that a failure can be shrunk: R,
 * H and C pairwise different (no matrix square but the row at K = 1, no two of one shape), R ≥ 2.
 * The inputs are the weights W1, W2, … and the data loss's coefficients A1, A2, ….
 */
function totalTest(
  name: string,
  o: {
    sizes: Sizes;
    shapes: (sizes: Sizes) => [number, number][];
    lambda: number;
    scale?: number;
  },
): TestCase {
  const min: Sizes = { R: 2, H: 1, C: 1 };
  if ("K" in o.sizes) min.K = 1;
  return sizedTest(name, {
    sizes: o.sizes,
    min,
    distinct: [["R", "H", "C"]],
    draw(rng, sizes) {
      const set = o.scale === undefined
        ? weightSet(rng, o.shapes(sizes))
        : weightSet(rng, o.shapes(sizes), o.scale);
      const inputs: Record<string, Matrix> = {};
      set.weights.forEach((W, k) => inputs[`W${k + 1}`] = W);
      set.coefficients.forEach((A, k) => inputs[`A${k + 1}`] = A);
      return inputs;
    },
    check(t, inputs, sizes) {
      const shapes = o.shapes(sizes);
      const set = {
        weights: shapes.map((_, k) => inputs[`W${k + 1}`]),
        coefficients: shapes.map((_, k) => inputs[`A${k + 1}`]),
      };
      const what = `shapes ${shapes.map(([r, c]) => `${r}×${c}`).join(", ")}, λ = ${o.lambda}`;
      return checkTotal(t, set, o.lambda, what);
    },
  });
}

/** Why an SVM batch read from a case file is not one {@linkcode svmBatch} draws, or undefined. */
function svmProblem(
  { W, b, X, y }: { W: Matrix; b: Matrix; X: Matrix; y: Int32Array },
): string | undefined {
  const c = W.cols;
  if (!y.every((v) => v >= 0 && v < c)) return `a label outside 0 … ${c - 1}`;
  const s = X.matmul(W);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const term = s.data[i * c + j] + b.data[j] - s.data[i * c + y[i]] - b.data[y[i]] + 1;
      // Half the gap: the scores computed here may differ from the draw's in the last bits.
      if (Math.abs(term) < GAP / 2) return "a margin term on the kink";
    }
  }
  return undefined;
}

/**
 * A regularizedLinearSvm test on one {@linkcode svmBatch}, as a function of N, D and C
 * (pairwise different; N ≥ 2 so that the mean over the batch shows; C ≥ 2) so that a failure
 * can be shrunk.
 */
function svmTest(
  name: string,
  o: {
    sizes: Sizes;
    lambda: number;
    biasScale?: number;
    label?: string;
    parts?: { value?: boolean; gradient?: boolean };
  },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: { N: 2, D: 1, C: 2 },
    distinct: [["N", "D", "C"]],
    draw: (rng, { N, D, C }) => svmBatch(rng, { n: N, d: D, c: C }, o.biasScale),
    validate: (batch) => svmProblem(batch),
    check: (t, batch, { N, D, C }) =>
      checkSvm(
        t,
        batch,
        o.lambda,
        `N = ${N}, D = ${D}, C = ${C}, λ = ${o.lambda}${o.label ? `, ${o.label}` : ""}`,
        o.parts,
      ),
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "The penalty is λ·Σw² with no ½ and λ not divided by N; biases are never in it. Each weight appears in exactly one term of the penalty, so its gradient is the derivative of that one term, added to what the data loss gave it.",
  "One weight w = 3 with λ = 0.5: its penalty is 0.5·9 = 4.5; nudge w to 3.001 and the penalty becomes 4.5030005, a slope of 3. For regularizedLinearSvm: the hinge's gradient on the scores, taken back through X·W + b as in exercise 09, then the penalty's part for W only.",
  "l2Penalty: dW = 2λ·W. totalLoss: grads[k] = dataGrads[k] + 2λ·weights[k]. regularizedLinearSvm: dW = Xᵀ·dS + 2λ·W and db = the column sums of dS (no λ).",
];

/** Exercise `l2_regularization`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "l2_regularization",
  exports: ["l2Penalty", "totalLoss", "regularizedLinearSvm"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      l2Penalty: ["W", "lambda"],
      totalLoss: ["dataLoss", "dataGrads", "weights", "lambda"],
      regularizedLinearSvm: ["W", "b", "X", "y", "lambda"],
    },
  }, [
    penaltyTest("l2Penalty: value and dW on a 4×3 matrix (λ = 0.7)", {
      sizes: { R: 4, C: 3 },
      scale: 1.5,
      lambda: 0.7,
    }),
    penaltyTest("l2Penalty with λ = 0: loss 0 and dW 0", { sizes: { R: 3, C: 5 }, lambda: 0 }),
    {
      name: "l2Penalty on a 1×5 row and a 6×1 column, several λ: value and dW",
      async run(t) {
        await checkPenalty(t, randomMatrix(t.rng, 1, 5), 0.05, "1×5, λ = 0.05");
        await checkPenalty(t, randomMatrix(t.rng, 6, 1, { scale: 3 }), 2.5, "6×1, λ = 2.5");
      },
    },
    totalTest(
      "totalLoss: three weight matrices of different shapes (λ = 0.3): value and gradients",
      {
        sizes: { R: 5, H: 4, C: 3, K: 6 },
        shapes: ({ R, H, C, K }) => [[R, H], [H, C], [1, K]],
        lambda: 0.3,
      },
    ),
    totalTest("totalLoss with λ = 0: the data loss and gradients come back unchanged", {
      sizes: { R: 3, H: 4, C: 2 },
      shapes: ({ R, H, C }) => [[R, H], [H, C]],
      lambda: 0,
    }),
    totalTest("totalLoss with a strong λ = 5 (the penalty dominates): value and gradients", {
      sizes: { R: 2, H: 5, C: 3 },
      shapes: ({ R, H, C }) => [[R, H], [H, C]],
      lambda: 5,
      scale: 2,
    }),
    svmTest("regularizedLinearSvm: value with N ≠ D ≠ C (N = 8, D = 5, C = 3), λ = 0.3", {
      sizes: { N: 8, D: 5, C: 3 },
      lambda: 0.3,
      parts: { gradient: false },
    }),
    svmTest("regularizedLinearSvm: dW and db with N ≠ D ≠ C (N = 7, D = 4, C = 3), λ = 0.3", {
      sizes: { N: 7, D: 4, C: 3 },
      lambda: 0.3,
      parts: { value: false },
    }),
    svmTest("regularizedLinearSvm with λ = 0: the hinge loss of X·W + b, value, dW and db", {
      sizes: { N: 6, D: 5, C: 4 },
      lambda: 0,
    }),
    svmTest("regularizedLinearSvm with a strong λ = 4 and a large bias: value, dW and db", {
      sizes: { N: 9, D: 3, C: 4 },
      lambda: 4,
      biasScale: 3,
      label: "bias ≈ ±3",
    }),
    sizedTest("regularizedLinearSvm on a batch of one (N = 1, D = 3, C = 4): value, dW and db", {
      sizes: { D: 3, C: 4 },
      min: { D: 1, C: 2 },
      distinct: [["D", "C"]],
      draw: (rng, { D, C }) => svmBatch(rng, { n: 1, d: D, c: C }),
      validate: (batch) => svmProblem(batch),
      check: (t, batch, { D, C }) => checkSvm(t, batch, 0.5, `N = 1, D = ${D}, C = ${C}, λ = 0.5`),
    }),
  ]),
};
