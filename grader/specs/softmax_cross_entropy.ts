/**
 * Hidden tests of exercise 12, softmax cross-entropy: the mean over N of
 * log Σⱼ exp(sᵢⱼ) − s_{i,yᵢ}, stable at scores around ±1000, gradient already divided by N.
 *
 * @module
 */

import { classLabels, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import type { ExerciseSpec, Sizes, TestCase, TestContext } from "../spec.ts";
import { checkScoreLoss } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/**
 * The reference mean softmax cross-entropy of `scores` (N×C) with labels `y`, by log-sum-exp
 * after a max shift; reads `scores.data` at call time (the checker perturbs it in place).
 * Also used by the hidden tests of exercise 19.
 */
export function referenceSoftmaxLoss(scores: Matrix, y: ArrayLike<number>): number {
  const { rows: n, cols: c, data } = scores;
  let total = 0;
  for (let i = 0; i < n; i++) total += rowLogSumExp(data, i * c, c) - data[i * c + y[i]];
  return total / n;
}

/**
 * log Σⱼ exp(data[start + j]) over the `c` entries of one row, after the row's max shift: finite
 * for scores at ±1000. Shared by the cross-entropy references.
 */
export function rowLogSumExp(data: Float64Array, start: number, c: number): number {
  let max = -Infinity;
  for (let j = 0; j < c; j++) max = Math.max(max, data[start + j]);
  let sum = 0;
  for (let j = 0; j < c; j++) sum += Math.exp(data[start + j] - max);
  return Math.log(sum) + max;
}

/** Scores and labels of a batch: N×C Gaussian scores around `mean` and N labels. */
function batch(
  rng: Rng,
  n: number,
  c: number,
  options: { scale?: number; mean?: number } = {},
): { scores: Matrix; y: Int32Array } {
  // classLabels gives every class when n ≥ c; a smaller batch draws its labels freely.
  const y = n >= c ? classLabels(rng, n, c) : Int32Array.from({ length: n }, () => rng.int(0, c));
  const scores = randomMatrix(rng, n, c, { scale: options.scale ?? 2, mean: options.mean ?? 0 });
  return { scores, y };
}

/**
 * A batch whose rows sit at very different levels: row i's scores are a level plus a few units,
 * with levels in [990, 1010], [−3, 3] and [−1010, −990] taking turns (every level present when
 * N ≥ 3). A softmax shifted by the maximum of the whole batch instead of each row's turns every
 * row below the top level into exp(−1000) = 0 and log 0: it always fails here.
 */
export function levelledBatch(rng: Rng, n: number, c: number): { scores: Matrix; y: Int32Array } {
  const { scores, y } = batch(rng, n, c, { scale: 2 });
  const start = rng.int(0, 3);
  for (let i = 0; i < n; i++) {
    const level = [rng.uniform(990, 1010), rng.uniform(-3, 3), rng.uniform(-1010, -990)][
      (start + i) % 3
    ];
    for (let j = 0; j < c; j++) scores.data[i * c + j] += level;
  }
  return { scores, y };
}

/**
 * A test on one batch of N rows and C classes, as a function of N and C so that a failure can
 * be shrunk; `label` says what the batch is (its sizes are added), `parts` what is checked.
 */
function batchTest(
  name: string,
  o: {
    sizes: Sizes;
    min: Sizes;
    distinct?: string[][];
    draw: (rng: Rng, sizes: Sizes) => { scores: Matrix; y: Int32Array };
    label?: string;
    parts?: { value?: boolean; gradient?: boolean };
  },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: o.min,
    distinct: o.distinct,
    draw: o.draw,
    validate: ({ y }, { C }) =>
      y.every((v) => v >= 0 && v < C) ? undefined : `a label outside 0 … ${C - 1}`,
    check: (t, { scores, y }, { N, C }) =>
      checkBatch(
        t,
        scores,
        y,
        `${o.label ? `${o.label}, ` : ""}N = ${N}, C = ${C}`,
        o.parts,
      ),
  });
}

/** Calls the learner on one batch; checks the shapes, the loss value and dScores. */
async function checkBatch(
  t: TestContext,
  scores: Matrix,
  y: Int32Array,
  shape: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<void> {
  const reference = () => referenceSoftmaxLoss(scores, y);
  const fn = "softmaxCrossEntropy";
  await checkScoreLoss(t, { fn, args: [scores, y], scores, reference, label: shape, parts });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Subtract each row's maximum before exp. A row's loss is log Σ exp(scores) minus the correct class's score: differentiate that form one score at a time, and look for the softmax probabilities in what you get. The mean's 1/N goes into the gradient too.",
  "One row, C = 3, all scores equal, correct class 1: every probability is 1/3. The derivative of log Σ exp(s) with respect to s[j] is exp(s[j]) / Σ exp(s), the probability of class j; the term −s[y] changes only the correct class's entry, by −1. So this row's entries are 1/3, 1/3 − 1 and 1/3, before dividing by N.",
  "dScores = (p − onehot(y)) / N with p the row-wise softmax: dScores[i][j] = (p[i][j] − [j = y[i]]) / N.",
];

/** Exercise `softmax_cross_entropy`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "softmax_cross_entropy",
  exports: ["softmaxCrossEntropy"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { softmaxCrossEntropy: ["scores", "y"] } }, [
    batchTest("loss value on a batch with N ≠ C", {
      sizes: { N: 8, C: 5 },
      min: { N: 2, C: 2 },
      distinct: [["N", "C"]],
      draw: (rng, s) => batch(rng, s.N, s.C),
      parts: { gradient: false },
    }),
    batchTest("dScores on a batch with N ≠ C", {
      sizes: { N: 7, C: 4 },
      min: { N: 2, C: 2 },
      distinct: [["N", "C"]],
      draw: (rng, s) => batch(rng, s.N, s.C),
      parts: { value: false },
    }),
    batchTest("two classes (C = 2): value and dScores", {
      sizes: { N: 6, C: 2 },
      min: { N: 1, C: 2 },
      draw: (rng, s) => batch(rng, s.N, s.C),
    }),
    {
      name: "a batch of one (N = 1, C = 4): value and dScores",
      async run(t) {
        const { scores, y } = batch(t.rng, 1, 4);
        await checkBatch(t, scores, y, "N = 1, C = 4");
      },
    },
    {
      name: "equal scores in every row: value and dScores",
      async run(t) {
        const n = 5;
        const c = 3;
        const y = classLabels(t.rng, n, c);
        const scores = new Matrix(n, c);
        for (let i = 0; i < n; i++) {
          const v = t.rng.normal(0, 3);
          for (let j = 0; j < c; j++) scores.set(i, j, v);
        }
        const out = t.expectObject(
          await t.call("softmaxCrossEntropy", scores, y),
          "softmaxCrossEntropy(...)",
          ["loss", "dScores"],
        );
        const loss = t.expectNumber(out.loss, "loss (equal scores)");
        const dScores = t.expectMatrix(out.dScores, "dScores (equal scores)", [n, c]);
        t.expectClose("loss (equal scores, C = 3)", loss, Math.log(c));
        const expected = Matrix.full(n, c, 1 / c);
        for (let i = 0; i < n; i++) expected.set(i, y[i], 1 / c - 1);
        t.expectClose("dScores (equal scores, C = 3)", dScores, expected.div(n));
      },
    },
    batchTest("stable at scores around 1000: value and dScores", {
      sizes: { N: 6, C: 4 },
      min: { N: 1, C: 2 },
      draw: (rng, s) => batch(rng, s.N, s.C, { mean: 1000, scale: 10 }),
      label: "scores ≈ 1000",
    }),
    batchTest("stable at scores around −1000: value and dScores", {
      sizes: { N: 5, C: 3 },
      min: { N: 1, C: 2 },
      draw: (rng, s) => batch(rng, s.N, s.C, { mean: -1000, scale: 10 }),
      label: "scores ≈ −1000",
    }),
    batchTest(
      "rows at very different levels in one batch (≈ +1000, ≈ 0, ≈ −1000): value and dScores",
      {
        sizes: { N: 7, C: 4 },
        // Three rows at least: one at each level.
        min: { N: 3, C: 2 },
        draw: (rng, s) => levelledBatch(rng, s.N, s.C),
        label: "rows at +1000, 0 and −1000",
      },
    ),
    {
      name: "correct class 1000 below the best score: −log of a computed probability is Infinity",
      async run(t) {
        const { scores, y } = batch(t.rng, 5, 4);
        for (let i = 0; i < scores.rows; i++) {
          let max = -Infinity;
          for (let j = 0; j < scores.cols; j++) max = Math.max(max, scores.get(i, j));
          scores.set(i, y[i], max - t.rng.uniform(1000, 1200));
        }
        await checkBatch(t, scores, y, "score spread > 1000");
      },
    },
    {
      name: "several random shapes, small and large score spreads: value and dScores",
      async run(t) {
        for (let trial = 0; trial < 4; trial++) {
          const n = t.rng.int(2, 11);
          let c = t.rng.int(2, 7);
          if (c === n) c++;
          const scale = [0.1, 1, 5, 20][trial];
          const { scores, y } = batch(t.rng, n, c, { scale, mean: t.rng.normal(0, 50) });
          await checkBatch(t, scores, y, `N = ${n}, C = ${c}, score spread ${scale}`);
        }
      },
    },
  ]),
};
