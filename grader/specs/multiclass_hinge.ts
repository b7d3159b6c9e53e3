/**
 * Hidden tests of exercise 15, the multiclass hinge (SVM) loss: margin 1, the sum over the wrong
 * classes only, the mean over N; and the same loss for a linear classifier S = X·W (no bias, no
 * regularization) with its gradient dW. Every margin term is kept a safe distance from 0.
 *
 * @module
 */

import { classLabels, hingeScores, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, Sizes, TestCase, TestContext } from "../spec.ts";
import { checkScoreLoss, multiclassMarginTests } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** Smallest distance of a margin term from the corner in the linear tests. */
const GAP = 0.05;

/** The reference mean multiclass hinge loss; reads `scores.data` at call time. */
function referenceSvmLoss(scores: Matrix, y: ArrayLike<number>): number {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const correct = s[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j !== y[i]) total += Math.max(0, s[i * c + j] - correct + 1);
    }
  }
  return total / n;
}

/** The reference loss of the linear classifier X·W; reads `W.data` and `X.data` at call time. */
function referenceLinearLoss(W: Matrix, X: Matrix, y: Int32Array): number {
  const n = X.rows, d = X.cols, c = W.cols;
  const scores = new Matrix(n, c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const x = X.data[i * d + k];
      for (let j = 0; j < c; j++) scores.data[i * c + j] += x * W.data[k * c + j];
    }
  }
  return referenceSvmLoss(scores, y);
}

/** How many margin terms of the batch are violated (positive). */
function violations(scores: Matrix, y: ArrayLike<number>): number {
  const c = scores.cols;
  let count = 0;
  for (let i = 0; i < scores.rows; i++) {
    for (let j = 0; j < c; j++) {
      if (j !== y[i] && scores.data[i * c + j] - scores.data[i * c + y[i]] + 1 > 0) count++;
    }
  }
  return count;
}

/** Scores with every class present (n ≥ c), some margin terms violated and some met. */
function mixedScores(
  rng: Rng,
  n: number,
  c: number,
  scale = 1,
): { scores: Matrix; y: Int32Array } {
  const y = classLabels(rng, n, c);
  const terms = n * (c - 1);
  for (let attempt = 0;; attempt++) {
    const scores = hingeScores(rng, y, c, { scale });
    const v = violations(scores, y);
    if ((v > 0 && v < terms) || attempt > 1000) return { scores, y };
  }
}

/**
 * A linear classifier's W (D×C) and inputs X (N×D) whose scores keep every margin term at least
 * GAP from 0. Labels are random (every class present when N ≥ C) and some margins are violated,
 * or, with `met`, each example is labelled with its top class and meets every margin.
 */
function linearBatch(
  rng: Rng,
  shape: { n: number; d: number; c: number },
  met = false,
): { W: Matrix; X: Matrix; y: Int32Array } {
  const { n, d, c } = shape;
  const W = randomMatrix(rng, d, c, { scale: met ? 2 : 1 });
  const X = new Matrix(n, d);
  const y = met ? new Int32Array(n) : classLabels(rng, n, c);
  for (let i = 0; i < n; i++) {
    for (let attempt = 0;; attempt++) {
      const x = randomMatrix(rng, 1, d);
      const s = x.matmul(W).data;
      if (met) y[i] = s.indexOf(Math.max(...s));
      let ok = true;
      for (let j = 0; j < c; j++) {
        if (j === y[i]) continue;
        const term = s[j] - s[y[i]] + 1;
        if (met ? term > -GAP : Math.abs(term) < GAP) ok = false;
      }
      if (ok || attempt > 10_000) {
        X.data.set(x.data, i * d);
        break;
      }
    }
  }
  return { W, X, y };
}

/** Calls multiclassHingeLoss; checks the shapes, the loss value and dScores. */
async function checkScores(
  t: TestContext,
  scores: Matrix,
  y: Int32Array,
  shape: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<void> {
  const reference = () => referenceSvmLoss(scores, y);
  const fn = "multiclassHingeLoss";
  await checkScoreLoss(t, { fn, args: [scores, y], scores, reference, label: shape, parts });
}

/** Calls linearSvmLoss; checks the shapes, the loss value and dW. */
async function checkLinear(
  t: TestContext,
  batch: { W: Matrix; X: Matrix; y: Int32Array },
  shape: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<void> {
  const { value = true, gradient = true } = parts;
  const { W, X, y } = batch;
  const out = t.expectObject(
    await t.call("linearSvmLoss", W, X, y),
    "linearSvmLoss(...)",
    ["loss", "dW"],
  );
  const loss = t.expectNumber(out.loss, `linearSvmLoss loss (${shape})`);
  const dW = t.expectMatrix(out.dW, `dW (${shape})`, [W.rows, W.cols]);
  if (value) t.expectClose(`linearSvmLoss loss (${shape})`, loss, referenceLinearLoss(W, X, y));
  if (gradient) t.expectGradient(`dW (${shape})`, dW, () => referenceLinearLoss(W, X, y), W);
}

/** Why a linear batch read from a case file is not one {@linkcode linearBatch} draws, or undefined. */
function linearProblem(
  { W, X, y }: { W: Matrix; X: Matrix; y: Int32Array },
  met: boolean,
): string | undefined {
  const c = W.cols;
  if (!y.every((v) => v >= 0 && v < c)) return `a label outside 0 … ${c - 1}`;
  const s = X.matmul(W);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const term = s.data[i * c + j] - s.data[i * c + y[i]] + 1;
      // Half the gap: the scores computed here may differ from the draw's in the last bits.
      if (met ? term > -GAP / 2 : Math.abs(term) < GAP / 2) {
        return met ? "a margin that is not met" : "a margin term on the kink";
      }
    }
  }
  return undefined;
}

/**
 * A linearSvmLoss test on one {@linkcode linearBatch}, as a function of N, D and C (pairwise
 * different, N ≥ 2 so that the mean over the batch shows, C ≥ 2) so that a failure can be shrunk.
 */
function linearTest(
  name: string,
  o: { sizes: Sizes; parts?: { value?: boolean; gradient?: boolean }; met?: boolean },
): TestCase {
  const met = o.met ?? false;
  return sizedTest(name, {
    sizes: o.sizes,
    min: { N: 2, D: 1, C: 2 },
    distinct: [["N", "D", "C"]],
    draw: (rng, { N, D, C }) => linearBatch(rng, { n: N, d: D, c: C }, met),
    validate: (batch) => linearProblem(batch, met),
    check: (t, batch, { N, D, C }) =>
      checkLinear(
        t,
        batch,
        `N = ${N}, D = ${D}, C = ${C}${met ? ", all margins met" : ""}`,
        o.parts,
      ),
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Sum max(0, s_j − s_y + 1) over the wrong classes only, then divide by N. Each positive term is a straight line in two scores: one rises with it and one falls with it; a zero term contributes nothing. linearSvmLoss takes the scores' gradient back through S = X·W as in exercise 09.",
  "The stub's example: scores [3, 2.5, 1], correct class 0. Class 1's term 2.5 − 3 + 1 = 0.5 is positive: slope +1 in s₁ and −1 in s₀. Class 2's term is 0: slope 0. So this row's gradient is [−1, 1, 0] before dividing by N. With two violating classes, what would the correct class get?",
  "dScores[i][j] = 1/N for each wrong class j whose term is positive, 0 for the other wrong classes, and dScores[i][yᵢ] = −(number of violating classes in row i) / N. linearSvmLoss: dW = Xᵀ · dS.",
];

/** Exercise `multiclass_hinge`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "multiclass_hinge",
  exports: ["multiclassHingeLoss", "linearSvmLoss"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: { multiclassHingeLoss: ["scores", "y"], linearSvmLoss: ["W", "X", "y"] },
  }, [
    ...multiclassMarginTests({
      mixed: "some margins violated and some met",
      batch: mixedScores,
      batchOfOne(rng, c) {
        const y = Int32Array.of(rng.int(0, c));
        let scores = hingeScores(rng, y, c);
        while (violations(scores, y) === 0) scores = hingeScores(rng, y, c);
        return { scores, y };
      },
      check: (t, { scores, y }, label, parts) => checkScores(t, scores, y, label, parts),
    }),
    linearTest("linearSvmLoss: loss value with N ≠ D ≠ C (N = 8, D = 5, C = 3)", {
      sizes: { N: 8, D: 5, C: 3 },
      parts: { gradient: false },
    }),
    linearTest("linearSvmLoss: dW with N ≠ D ≠ C (N = 7, D = 4, C = 3)", {
      sizes: { N: 7, D: 4, C: 3 },
      parts: { value: false },
    }),
    linearTest("linearSvmLoss meeting every margin (N = 6, D = 4, C = 3): loss 0 and dW 0", {
      sizes: { N: 6, D: 4, C: 3 },
      met: true,
    }),
    sizedTest("linearSvmLoss on a batch of one (N = 1, D = 3, C = 4): value and dW", {
      sizes: { D: 3, C: 4 },
      min: { D: 1, C: 2 },
      distinct: [["D", "C"]],
      draw(rng, { D, C }) {
        // Drawn again while its loss is 0: the example violates a margin.
        let batch = linearBatch(rng, { n: 1, d: D, c: C });
        for (let k = 0; k < 100 && referenceLinearLoss(batch.W, batch.X, batch.y) === 0; k++) {
          batch = linearBatch(rng, { n: 1, d: D, c: C });
        }
        return batch;
      },
      validate: (batch) => linearProblem(batch, false),
      check: (t, batch, { D, C }) => checkLinear(t, batch, `N = 1, D = ${D}, C = ${C}`),
    }),
    {
      name: "several random shapes and score spreads: values and gradients of both functions",
      async run(t) {
        for (let trial = 0; trial < 3; trial++) {
          const c = t.rng.int(2, 6);
          const n = c + t.rng.int(1, 6);
          const scale = [0.5, 2, 10][trial];
          const { scores, y } = mixedScores(t.rng, n, c, scale);
          await checkScores(t, scores, y, `N = ${n}, C = ${c}, spread ${scale}`);
          const d = n + t.rng.int(1, 4);
          await checkLinear(t, linearBatch(t.rng, { n, d, c }), `N = ${n}, D = ${d}, C = ${c}`);
        }
      },
    },
  ]),
};
