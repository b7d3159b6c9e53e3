/**
 * Hidden tests of soft_label_cross_entropy: the mean over N of −Σⱼ tᵢⱼ · log softmax(sᵢ)ⱼ against
 * target rows that sum to 1, stable at scores around ±1000 and where a class with target 0 has a
 * probability that rounds to 0; the mean negative log-likelihood of datasets so large that their
 * likelihood underflows; one-hot targets; and the likelihood reading graded on numbers: the
 * learner's cross-entropy against one-hot targets, given log-probabilities, must equal the
 * learner's negative log-likelihood (and both the reference).
 *
 * @module
 */

import { classLabels, Matrix, randomMatrix, type Rng } from "@gradkit/lib";
import {
  CheckFailure,
  type ExerciseSpec,
  type SizedTest,
  type Sizes,
  type TestCase,
  type TestContext,
} from "../spec.ts";
import { checkScoreLoss, type LossParts } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";
import { levelledBatch, rowLogSumExp } from "./softmax_cross_entropy.ts";

/**
 * The reference mean cross-entropy of softmax(`scores`) against `targets` (N×C), by log-sum-exp
 * after each row's max shift; a target of 0 adds nothing. Reads `scores.data` at call time (the
 * checker perturbs it in place).
 */
export function referenceSoftLoss(scores: Matrix, targets: Matrix): number {
  const { rows: n, cols: c, data } = scores;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * c;
    const logSum = rowLogSumExp(data, row, c);
    for (let j = 0; j < c; j++) {
      const t = targets.data[row + j];
      if (t !== 0) total -= t * (data[row + j] - logSum);
    }
  }
  return total / n;
}

/** The reference mean negative log-likelihood, a sum of logs. */
export function referenceNll(probs: Matrix, y: Int32Array): number {
  let total = 0;
  for (let i = 0; i < probs.rows; i++) total += Math.log(probs.data[i * probs.cols + y[i]]);
  return -total / probs.rows;
}

/** Softmax of every row of `m` (a model's probabilities, every entry > 0 when `m` is moderate). */
function rowSoftmax(m: Matrix): Matrix {
  const out = new Matrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < m.cols; j++) max = Math.max(max, m.get(i, j));
    let sum = 0;
    for (let j = 0; j < m.cols; j++) sum += Math.exp(m.get(i, j) - max);
    for (let j = 0; j < m.cols; j++) out.set(i, j, Math.exp(m.get(i, j) - max) / sum);
  }
  return out;
}

/**
 * N target rows over C classes, each a distribution with no entry 0 (every class carries weight,
 * so a loss that reads only the largest target shows); with `zeros`, one to C − 2 entries of
 * every row are 0 (C ≥ 3), the rest renormalized.
 */
function softTargets(rng: Rng, n: number, c: number, zeros = false): Matrix {
  const t = rowSoftmax(randomMatrix(rng, n, c, { scale: 1.2 }));
  if (!zeros) return t;
  for (let i = 0; i < n; i++) {
    const order = rng.shuffle(Array.from({ length: c }, (_, j) => j));
    const dropped = order.slice(0, rng.int(1, c - 1));
    let kept = 0;
    for (let j = 0; j < c; j++) {
      if (dropped.includes(j)) t.set(i, j, 0);
      else kept += t.get(i, j);
    }
    for (let j = 0; j < c; j++) t.set(i, j, t.get(i, j) / kept);
  }
  return t;
}

/** One-hot rows of `y` over `c` classes (the reference). */
export function referenceOneHot(y: Int32Array, c: number): Matrix {
  const m = new Matrix(y.length, c);
  for (let i = 0; i < y.length; i++) m.set(i, y[i], 1);
  return m;
}

/** Calls the learner's loss on one batch; checks the shapes, the value and dScores. */
function checkSoft(
  t: TestContext,
  scores: Matrix,
  targets: Matrix,
  label: string,
  parts: LossParts = {},
): Promise<void> {
  const reference = () => referenceSoftLoss(scores, targets);
  const fn = "softLabelCrossEntropy";
  return checkScoreLoss(t, { fn, args: [scores, targets], scores, reference, label, parts });
}

/**
 * Why `targets` (or, as `what` says, other rows) read from a case file are not distributions:
 * rows of entries ≥ 0 that sum to 1.
 */
function targetsProblem(targets: Matrix, what = "target"): string | undefined {
  for (let i = 0; i < targets.rows; i++) {
    let sum = 0;
    for (let j = 0; j < targets.cols; j++) {
      const v = targets.get(i, j);
      if (v < 0) return `a negative ${what} in row ${i}`;
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-9) return `${what} row ${i} sums to ${sum}, not 1`;
  }
  return undefined;
}

/** Why labels read from a case file are not class indices below `c`, or undefined. */
function labelProblem(y: Int32Array, c: number): string | undefined {
  return y.every((v) => v >= 0 && v < c) ? undefined : `a label outside 0 … ${c - 1}`;
}

/** Why targets read from a case file have a row with no zero entry (the test draws one in each). */
function zerosProblem(targets: Matrix): string | undefined {
  for (let i = 0; i < targets.rows; i++) {
    let zeros = 0;
    for (let j = 0; j < targets.cols; j++) if (targets.get(i, j) === 0) zeros++;
    if (zeros === 0) return `target row ${i} has no zero entry`;
  }
  return undefined;
}

/**
 * A softLabelCrossEntropy test on one batch, as a function of its sizes so that a failure can
 * be shrunk; the targets are always distributions (checked for case files), `label` names the
 * batch in messages.
 */
function softTest(
  name: string,
  o: Pick<SizedTest<SoftBatch>, "sizes" | "min" | "distinct" | "draw" | "validate"> & {
    label: (sizes: Sizes) => string;
    parts?: LossParts;
  },
): TestCase {
  return sizedTest(name, {
    sizes: o.sizes,
    min: o.min,
    distinct: o.distinct,
    draw: o.draw,
    validate: (b, sizes) => targetsProblem(b.targets) ?? o.validate?.(b, sizes),
    check: (t, { scores, targets }, sizes) =>
      checkSoft(t, scores, targets, o.label(sizes), o.parts),
  });
}

/** Scores and target rows of one batch. */
type SoftBatch = { scores: Matrix; targets: Matrix };

/**
 * A model's probabilities for a labelled dataset of N examples over C classes, and the labels
 * (every class present): rows of a softmax of moderate scores, every entry well above 0.
 */
export function dataset(rng: Rng, n: number, c: number): { probs: Matrix; y: Int32Array } {
  return { probs: rowSoftmax(randomMatrix(rng, n, c, { scale: 1.5 })), y: classLabels(rng, n, c) };
}

/** Calls the learner's negativeLogLikelihood; an infinite result is named as an underflow. */
async function callNll(t: TestContext, probs: Matrix, y: Int32Array, what: string) {
  const value = await t.call("negativeLogLikelihood", probs, y);
  if (value === Infinity) {
    throw new CheckFailure(
      `${what} is Infinity: the likelihood, a product of ${probs.rows} probabilities below 1, ` +
        `underflowed to 0 before its log was taken (−log 0 = Infinity). The log of a product ` +
        `is the sum of the logs: add them up instead of multiplying`,
      undefined,
      {
        kind: "overflow",
        text: `${what} is Infinity: a product of ${probs.rows} probabilities underflowed to 0 ` +
          `before its log was taken`,
      },
    );
  }
  return t.expectNumber(value, what);
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Write log p[j] as the shifted score minus the row's log-sum-exp; then each score appears in its own target's term and, through the log-sum-exp, in every term. Sum those contributions and use that a target row adds up to 1. For the likelihood, a log turns a product into a sum.",
  "One row, C = 2, scores [0, 0], target [0.25, 0.75]: p = [0.5, 0.5]. Raise s[0] by ε: the first term loses 0.25·ε of surprise, and the log-sum-exp in every term grows by p[0]·ε, weighted by the whole target (1). The slope is 0.5 − 0.25 = 0.25 before dividing by N.",
  "dScores = (softmax(scores) − targets) / N. negativeLogLikelihood = −(1/N) · Σᵢ log probs[i, y[i]]; oneHot has a 1 at [i, y[i]].",
];

/** Exercise `soft_label_cross_entropy`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "soft_label_cross_entropy",
  exports: ["softLabelCrossEntropy", "negativeLogLikelihood", "oneHot"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({
    parameters: {
      softLabelCrossEntropy: ["scores", "targets"],
      negativeLogLikelihood: ["probs", "y"],
      oneHot: ["y", "classes"],
    },
  }, [
    softTest("loss value against soft targets, N ≠ C (N = 8, C = 5)", {
      sizes: { N: 8, C: 5 },
      min: { N: 2, C: 2 },
      distinct: [["N", "C"]],
      draw: (rng, { N, C }) => {
        const scores = randomMatrix(rng, N, C, { scale: 2 });
        return { scores, targets: softTargets(rng, N, C) };
      },
      label: ({ N, C }) => `N = ${N}, C = ${C}`,
      parts: { gradient: false },
    }),
    softTest("dScores against soft targets, N ≠ C (N = 7, C = 4)", {
      sizes: { N: 7, C: 4 },
      min: { N: 2, C: 2 },
      distinct: [["N", "C"]],
      draw: (rng, { N, C }) => {
        const scores = randomMatrix(rng, N, C, { scale: 2 });
        return { scores, targets: softTargets(rng, N, C) };
      },
      label: ({ N, C }) => `N = ${N}, C = ${C}`,
      parts: { value: false },
    }),
    softTest("targets with zero entries (N = 6, C = 5): value and dScores", {
      sizes: { N: 6, C: 5 },
      // Three classes at least: a row keeps two non-zero targets besides its zeros.
      min: { N: 2, C: 3 },
      distinct: [["N", "C"]],
      draw: (rng, { N, C }) => {
        const scores = randomMatrix(rng, N, C, { scale: 2, mean: rng.normal(0, 5) });
        return { scores, targets: softTargets(rng, N, C, true) };
      },
      validate: ({ targets }) => zerosProblem(targets),
      label: ({ N, C }) => `N = ${N}, C = ${C}, zero targets`,
    }),
    softTest(
      "a class with target 0 scored 1000 below the best: it adds nothing (value and dScores)",
      {
        sizes: { N: 5, C: 4 },
        min: { N: 1, C: 3 },
        draw: (rng, { N, C }) => {
          const targets = softTargets(rng, N, C, true);
          const scores = randomMatrix(rng, N, C, { scale: 2 });
          for (let i = 0; i < N; i++) {
            for (let j = 0; j < C; j++) {
              if (targets.get(i, j) === 0) scores.set(i, j, -rng.uniform(1000, 1200));
            }
          }
          return { scores, targets };
        },
        validate: ({ scores, targets }) =>
          zerosProblem(targets) ??
            (targets.data.some((v, k) => v === 0 && scores.data[k] > -1000)
              ? "a class with target 0 scored above −1000"
              : undefined),
        label: ({ N, C }) => `N = ${N}, C = ${C}, zero-target classes at −1000`,
      },
    ),
    softTest(
      "one-hot targets give softmax_cross_entropy's loss (N = 6, C = 3): value and dScores",
      {
        sizes: { N: 6, C: 3 },
        min: { N: 2, C: 2 },
        distinct: [["N", "C"]],
        draw: (rng, { N, C }) => {
          const y = classLabels(rng, N, C);
          const scores = randomMatrix(rng, N, C, { scale: 2 });
          return { scores, targets: referenceOneHot(y, C) };
        },
        validate: ({ targets }) =>
          targets.data.some((v) => v !== 0 && v !== 1) ? "a target that is not 0 or 1" : undefined,
        label: ({ N, C }) => `N = ${N}, C = ${C}, one-hot targets`,
      },
    ),
    softTest("a batch of one (N = 1, C = 4): value and dScores", {
      sizes: { C: 4 },
      min: { C: 2 },
      draw: (rng, { C }) => {
        const scores = randomMatrix(rng, 1, C, { scale: 2 });
        return { scores, targets: softTargets(rng, 1, C) };
      },
      label: ({ C }) => `N = 1, C = ${C}`,
    }),
    softTest(
      "rows at very different levels in one batch (≈ +1000, ≈ 0, ≈ −1000): value and dScores",
      {
        sizes: { N: 7, C: 5 },
        // Three rows at least: one at each level.
        min: { N: 3, C: 2 },
        draw: (rng, { N, C }) => {
          const { scores } = levelledBatch(rng, N, C);
          return { scores, targets: softTargets(rng, N, C) };
        },
        label: () => "rows at +1000, 0 and −1000",
      },
    ),
    sizedTest("oneHot: the labels as target rows (N = 7, C = 4)", {
      sizes: { N: 7, C: 4 },
      min: { N: 1, C: 2 },
      // N ≠ C: a transposed result shows by its shape.
      distinct: [["N", "C"]],
      draw: (rng, { N, C }) => ({ y: classLabels(rng, N, C) }),
      validate: ({ y }, { C }) => labelProblem(y, C),
      async check(t, { y }, { N, C }) {
        const got = t.expectMatrix(await t.call("oneHot", y, C), `oneHot(y, ${C})`, [N, C]);
        t.expectClose(`oneHot(y, ${C}) (N = ${N}, C = ${C})`, got, referenceOneHot(y, C));
      },
    }),
    sizedTest("negativeLogLikelihood of a small dataset (N = 6, C = 4)", {
      sizes: { N: 6, C: 4 },
      // Two examples at least: a mean that differs from a sum.
      min: { N: 2, C: 2 },
      draw: (rng, { N, C }) => dataset(rng, N, C),
      validate: ({ probs, y }, { C }) =>
        labelProblem(y, C) ??
          (probs.data.some((p) => !(p > 0)) ? "a probability that is not above 0" : undefined) ??
          targetsProblem(probs, "probability"),
      async check(t, { probs, y }, { N, C }) {
        const what = `negativeLogLikelihood (N = ${N}, C = ${C})`;
        const nll = await callNll(t, probs, y, what);
        t.expectClose(what, nll, referenceNll(probs, y));
      },
    }),
    {
      name: "negativeLogLikelihood of 3000 examples, whose likelihood underflows to 0",
      async run(t: TestContext) {
        const { probs, y } = dataset(t.rng, 3000, 5);
        // the likelihood Π probs[i, y[i]] is below exp(−800) (the spec's test checks): 0
        const nll = await callNll(t, probs, y, "negativeLogLikelihood (N = 3000, C = 5)");
        t.expectClose("negativeLogLikelihood (N = 3000, C = 5)", nll, referenceNll(probs, y));
      },
    },
    {
      name:
        "the likelihood reading: cross-entropy against one-hot targets is the negative log-likelihood (N = 9, C = 4)",
      async run(t: TestContext) {
        const { probs, y } = dataset(t.rng, 9, 4);
        const nll = await callNll(t, probs, y, "negativeLogLikelihood (N = 9, C = 4)");
        t.expectClose("negativeLogLikelihood (N = 9, C = 4)", nll, referenceNll(probs, y));
        const targets = t.expectMatrix(await t.call("oneHot", y, 4), "oneHot(y, 4)", [9, 4]);
        t.expectClose("oneHot(y, 4) (N = 9, C = 4)", targets, referenceOneHot(y, 4));
        const scores = probs.log();
        const out = t.expectObject(
          await t.call("softLabelCrossEntropy", scores, targets),
          "softLabelCrossEntropy(log(probs), oneHot(y, 4))",
          ["loss", "dScores"],
        );
        const ce = t.expectNumber(out.loss, "softLabelCrossEntropy(log(probs), oneHot(y, 4)).loss");
        t.expectClose(
          "softLabelCrossEntropy(log(probs), oneHot(y, 4)).loss",
          ce,
          referenceSoftLoss(scores, targets),
        );
        t.expectClose(
          "your cross-entropy against one-hot targets, against your negative log-likelihood",
          ce,
          nll,
        );
      },
    },
  ]),
};
