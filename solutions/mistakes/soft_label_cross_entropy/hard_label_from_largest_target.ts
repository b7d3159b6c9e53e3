/**
 * Treats the largest target of each row as a hard label, as in softmax_cross_entropy: the rest of the target distribution is ignored.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  let loss = 0;
  for (let k = 0; k < logProbs.size; k++) {
    if (targets.data[k] !== 0) loss -= targets.data[k] * logProbs.data[k];
  }
  const probs = exps.div(sums);
  return { loss: loss / n, dScores: probs.sub(targets).div(n) };
`,
      learner: `
  const y = targets.rowArgmax();
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= logProbs.data[i * scores.cols + y[i]];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
`,
    },
  ],
};
