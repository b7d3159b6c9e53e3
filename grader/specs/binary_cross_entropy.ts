/**
 * Hidden tests of exercise 11, binary cross-entropy through a sigmoid: labels 0/1, the mean
 * over N of max(s, 0) − y·s + log(1 + e^(−|s|)), stable at scores around ±1000, gradient
 * (σ(s) − y) / N.
 *
 * @module
 */

import { Matrix, randomMatrix, type Rng, signLabels } from "@gradkit/lib";
import type { ExerciseSpec, TestCase, TestContext } from "../spec.ts";
import { checkScoreLoss } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** The reference mean binary cross-entropy; reads `scores.data` at call time. */
function referenceBce(scores: Matrix, y: Float64Array): number {
  const s = scores.data;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    total += Math.max(s[i], 0) - y[i] * s[i] + Math.log1p(Math.exp(-Math.abs(s[i])));
  }
  return total / s.length;
}

/** `n` labels of 0 or 1, both present when n ≥ 2. */
function zeroOneLabels(rng: Rng, n: number): Float64Array {
  return signLabels(rng, n).map((v) => (v + 1) / 2);
}

/** Why labels read from a case file are not 0/1 ones, or undefined. */
function labelProblem(y: Float64Array): string | undefined {
  return y.every((v) => v === 0 || v === 1) ? undefined : "a label that is not 0 or 1";
}

/**
 * A test on one batch of N scores with both labels present, as a function of N so that a
 * failure can be shrunk (N ≥ 2: both labels, and a mean that differs from a sum).
 */
function bothLabelsTest(
  name: string,
  n: number,
  parts: { value?: boolean; gradient?: boolean },
): TestCase {
  return sizedTest(name, {
    sizes: { N: n },
    min: { N: 2 },
    draw(rng, { N }) {
      const y = zeroOneLabels(rng, N);
      return { scores: randomMatrix(rng, N, 1, { scale: 2 }), y };
    },
    validate: ({ y }) => labelProblem(y),
    check: (t, { scores, y }, { N }) => checkBatch(t, scores, y, `N = ${N}`, parts),
  });
}

/** Calls the learner on one batch; checks the shapes, the loss value and dScores. */
async function checkBatch(
  t: TestContext,
  scores: Matrix,
  y: Float64Array,
  shape: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<void> {
  const reference = () => referenceBce(scores, y);
  const fn = "binaryCrossEntropy";
  // The ±1-label form log(1 + e^(−y·s)), given the kit's 0/1 labels.
  const plusMinusOne = () => {
    let total = 0;
    for (let i = 0; i < scores.rows; i++) {
      const m = y[i] * scores.data[i];
      total += Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    }
    return total / scores.rows;
  };
  await checkScoreLoss(t, {
    fn,
    args: [scores, y],
    scores,
    reference,
    label: shape,
    parts,
    alternatives: [{
      what: "of ±1 labels, log(1 + e^(−y·s)), where the labels are 0 and 1",
      kind: "convention",
      loss: plusMinusOne,
    }],
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Labels are 0 or 1 here. Compute each example's loss in a stable form, max(s, 0) − y·s + log(1 + e^(−|s|)), never the log of a computed probability. For the gradient, chain through the log and then through σ, and simplify; the mean's 1/N goes in too.",
  "Take y = 1: the loss is −log σ(s), and σ′(s) = σ(s)·(1 − σ(s)), so its derivative is −(1 − σ(s)). Work the case y = 0 the same way, then find one expression in σ(s) and y that covers both.",
  "dScores[i] = (σ(sᵢ) − yᵢ) / N: the model's probability of label 1 minus the label, over N.",
];

/** Exercise `binary_cross_entropy`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "binary_cross_entropy",
  exports: ["binaryCrossEntropy"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { binaryCrossEntropy: ["scores", "y"] } }, [
    bothLabelsTest("loss value on a batch with both labels", 9, { gradient: false }),
    bothLabelsTest("dScores on a batch with both labels", 8, { value: false }),
    {
      name: "a batch of one, with label 1 and with label 0: value and dScores",
      async run(t) {
        for (const label of [1, 0]) {
          const scores = randomMatrix(t.rng, 1, 1, { scale: 2, gap: 0.2 });
          await checkBatch(t, scores, Float64Array.of(label), `N = 1, y = ${label}`);
        }
      },
    },
    {
      name: "every label 0, then every label 1: value and dScores",
      async run(t) {
        for (const label of [0, 1]) {
          const scores = randomMatrix(t.rng, 5, 1, { scale: 2 });
          await checkBatch(t, scores, new Float64Array(5).fill(label), `N = 5, all y = ${label}`);
        }
      },
    },
    sizedTest("stable at scores around ±1000, right and wrong side: value and dScores", {
      sizes: { N: 6 },
      // Two rows at least: one on the right side of its label and one on the wrong side.
      min: { N: 2 },
      draw(rng, { N }) {
        const y = zeroOneLabels(rng, N);
        const scores = new Matrix(N, 1);
        for (let i = 0; i < N; i++) {
          const side = (2 * y[i] - 1) * (i % 2 === 0 ? 1 : -1);
          scores.data[i] = side * (1000 + rng.normal(0, 10));
        }
        return { scores, y };
      },
      validate: ({ scores, y }) =>
        labelProblem(y) ??
          (scores.data.some((s) => Math.abs(s) < 900) ? "a score far from ±1000" : undefined),
      check: (t, { scores, y }) => checkBatch(t, scores, y, "scores ≈ ±1000"),
    }),
    {
      name: "several random batch sizes and score spreads: value and dScores",
      async run(t) {
        for (let trial = 0; trial < 4; trial++) {
          const n = t.rng.int(2, 13);
          const scale = [0.1, 1, 4, 30][trial];
          const y = zeroOneLabels(t.rng, n);
          const scores = randomMatrix(t.rng, n, 1, { scale, mean: t.rng.normal(0, 1) });
          await checkBatch(t, scores, y, `N = ${n}, score spread ${scale}`);
        }
      },
    },
  ]),
};
