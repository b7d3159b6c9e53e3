/**
 * The negative log-likelihood of the whole dataset, not divided by N: it no longer equals the mean cross-entropy.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return -logLikelihood / n;
`,
      learner: `
  return -logLikelihood;
`,
    },
  ],
};
