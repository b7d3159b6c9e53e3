/**
 * Shifted the scores for the probabilities but took −log p from the unshifted exp in the loss.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logSums = sums.log();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
`,
      learner: `
  const exps = scores.sub(scores.rowMax()).exp();
  const probs = exps.div(exps.rowSums());
  const raw = scores.exp();
  const rawSums = raw.rowSums();
  let loss = 0;
  for (let i = 0; i < n; i++) {
    loss -= Math.log(raw.data[i * scores.cols + y[i]] / rawSums.data[i]);
  }
  const dScores = probs.clone();
`,
    },
  ],
};
