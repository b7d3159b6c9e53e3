/**
 * The gradient is the probabilities over N: the −1 at the correct class was never subtracted.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "correct-class",
  patch: [
    {
      solution: `
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
`,
      learner: `
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - correct[i];
  return { loss: loss / n, dScores: exps.div(sums).div(n) };
`,
    },
  ],
};
