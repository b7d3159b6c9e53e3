/**
 * Hidden tests of exercise 14, the binary hinge loss: labels ±1, margin 1, the mean over N of
 * max(0, 1 − y·s), gradient −y/N where the margin is violated and 0 where it is met. Scores are
 * drawn a safe distance from the corner at y·s = 1.
 *
 * @module
 */

import { binaryHingeScores, Matrix, type Rng, signLabels } from "@gradkit/lib";
import type { ExerciseSpec, TestCase, TestContext } from "../spec.ts";
import { checkScoreLoss } from "./_loss.ts";
import { newValues } from "./_new_values.ts";
import { sizedTest } from "./_sized.ts";

/** The reference mean binary hinge loss; reads `scores.data` at call time. */
function referenceHinge(scores: Matrix, y: Float64Array): number {
  const s = scores.data;
  let total = 0;
  for (let i = 0; i < s.length; i++) total += Math.max(0, 1 - y[i] * s[i]);
  return total / s.length;
}

/** How many examples of the batch meet their margin. */
function metCount(scores: Matrix, y: Float64Array): number {
  let met = 0;
  for (let i = 0; i < scores.rows; i++) if (y[i] * scores.data[i] > 1) met++;
  return met;
}

/**
 * Labels of both signs and scores away from the corner, with at least one margin met and one
 * violated (so a gradient that ignores the margin, or a loss that ignores it, shows). n ≥ 2.
 */
function mixedBatch(rng: Rng, n: number, scale: number): { scores: Matrix; y: Float64Array } {
  const y = signLabels(rng, n);
  for (let attempt = 0;; attempt++) {
    const scores = binaryHingeScores(rng, y, { scale });
    const met = metCount(scores, y);
    if ((met > 0 && met < n) || attempt > 1000) return { scores, y };
  }
}

/** Why labels read from a case file are not ±1 ones, or undefined. */
function labelProblem(y: Float64Array): string | undefined {
  return y.every((v) => v === 1 || v === -1) ? undefined : "a label that is not −1 or +1";
}

/**
 * A test on one {@linkcode mixedBatch} of N examples, some margins violated and some met, as a
 * function of N so that a failure can be shrunk (N ≥ 2: a batch holds both kinds).
 */
function mixedTest(
  name: string,
  n: number,
  parts: { value?: boolean; gradient?: boolean },
): TestCase {
  return sizedTest(name, {
    sizes: { N: n },
    min: { N: 2 },
    draw: (rng, { N }) => mixedBatch(rng, N, 2),
    // The kink: a margin term 1 − y·s within the generator's gap (0.05 of the scale 2) of 0.
    validate: ({ scores, y }) =>
      labelProblem(y) ??
        (scores.data.some((s, i) => Math.abs(1 - y[i] * s) < 0.1)
          ? "a score on the hinge's kink"
          : undefined),
    check: (t, { scores, y }, { N }) => checkBatch(t, scores, y, `N = ${N}`, parts),
  });
}

/**
 * The mean hinge under conventions other than the kit's (labels ±1, margin 1): labels read as
 * 0/1 and mapped by 2y − 1, and the margin 0 of the perceptron loss, max(0, −y·s).
 */
function otherConventions(scores: Matrix, y: Float64Array) {
  const mean = (term: (s: number, label: number) => number) => () => {
    let total = 0;
    for (let i = 0; i < scores.rows; i++) total += term(scores.data[i], y[i]);
    return total / scores.rows;
  };
  return [
    {
      what: "with the labels read as 0/1 and mapped by 2y − 1 (they are −1 and +1 already)",
      kind: "convention" as const,
      loss: mean((s, label) => Math.max(0, 1 - (2 * label - 1) * s)),
    },
    {
      what: "with the margin 0, max(0, −y·s) (the perceptron loss; the hinge's margin is 1)",
      kind: "convention" as const,
      loss: mean((s, label) => Math.max(0, -label * s)),
    },
  ];
}

/** Calls the learner on one batch; checks the shapes, the loss value and dScores. */
async function checkBatch(
  t: TestContext,
  scores: Matrix,
  y: Float64Array,
  shape: string,
  parts: { value?: boolean; gradient?: boolean } = {},
): Promise<void> {
  const reference = () => referenceHinge(scores, y);
  const fn = "binaryHingeLoss";
  await checkScoreLoss(t, {
    fn,
    args: [scores, y],
    scores,
    reference,
    label: shape,
    parts,
    alternatives: otherConventions(scores, y),
  });
}

/** The hints, from the idea to apply (tier 1) to the formula (tier 3). */
const HINTS: [string, string, string] = [
  "Labels are −1 or +1. An example costs something only while y·s < 1; only those examples get a gradient, and it pushes the score towards the label's side. The mean's 1/N applies to the gradient too.",
  "One example with y = +1: at s = 0.5 the loss is 1 − 0.5 = 0.5, and moving s by ε changes it by −ε (slope −1). At s = 2 the loss is 0 and stays 0 nearby (slope 0). With y = −1 the slope in the violated zone has the opposite sign.",
  "dScores[i] = −yᵢ / N where yᵢ·sᵢ < 1, and 0 where yᵢ·sᵢ ≥ 1.",
];

/** Exercise `binary_hinge`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "binary_hinge",
  exports: ["binaryHingeLoss"],
  hint: HINTS[0],
  hints: HINTS,
  tests: newValues({ parameters: { binaryHingeLoss: ["scores", "y"] } }, [
    mixedTest("loss value on a batch with margins violated and met (N = 9)", 9, {
      gradient: false,
    }),
    mixedTest("dScores on a batch with margins violated and met (N = 8)", 8, { value: false }),
    {
      name: "every margin met: loss 0 and dScores 0",
      async run(t) {
        const y = signLabels(t.rng, 7);
        const scores = binaryHingeScores(t.rng, y, { scale: 1.5, met: true });
        // the reference loss is 0 and its numerical gradient 0: any non-zero entry fails
        await checkBatch(t, scores, y, "N = 7, all margins met");
      },
    },
    sizedTest("every example on the wrong side: value and dScores", {
      sizes: { N: 6 },
      min: { N: 1 },
      draw(rng, { N }) {
        const y = signLabels(rng, N);
        const scores = new Matrix(N, 1);
        for (let i = 0; i < N; i++) scores.data[i] = -y[i] * rng.uniform(0.2, 3);
        return { scores, y };
      },
      validate: ({ scores, y }) =>
        labelProblem(y) ??
          (scores.data.some((s, i) => y[i] * s > -0.2) ? "a score on the right side" : undefined),
      check: (t, { scores, y }, { N }) =>
        checkBatch(t, scores, y, `N = ${N}, all on the wrong side`),
    }),
    {
      name: "a batch of one, label +1 and label −1, margin violated and met: value and dScores",
      async run(t) {
        for (const label of [1, -1]) {
          for (const met of [false, true]) {
            const y = Float64Array.of(label);
            let scores = binaryHingeScores(t.rng, y, { scale: 1.5, met });
            while (!met && metCount(scores, y) > 0) {
              scores = binaryHingeScores(t.rng, y, { scale: 1.5 });
            }
            const what = `N = 1, y = ${label}, margin ${met ? "met" : "violated"}`;
            await checkBatch(t, scores, y, what);
          }
        }
      },
    },
    {
      name: "several random batch sizes and score spreads: value and dScores",
      async run(t) {
        for (let trial = 0; trial < 4; trial++) {
          const n = t.rng.int(2, 16);
          const scale = [0.5, 1, 3, 20][trial];
          const { scores, y } = mixedBatch(t.rng, n, scale);
          await checkBatch(t, scores, y, `N = ${n}, score spread ${scale}`);
        }
      },
    },
  ]),
};
