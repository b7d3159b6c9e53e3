/**
 * Computes the likelihood as a product and then its log: a product of 3000 probabilities underflows to 0, and −log 0 is Infinity.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  let logLikelihood = 0;
  for (let i = 0; i < n; i++) logLikelihood += Math.log(probs.data[i * probs.cols + y[i]]);
  return -logLikelihood / n;
`,
      learner: `
  let likelihood = 1;
  for (let i = 0; i < n; i++) likelihood *= probs.data[i * probs.cols + y[i]];
  return -Math.log(likelihood) / n;
`,
    },
  ],
};
