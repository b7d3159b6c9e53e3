/**
 * Forgot the 1/N: the squared errors are summed over the batch instead of averaged.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
`,
      learner: `
  return { loss: diff.square().sum(), dPred: diff.mul(2) };
`,
    },
  ],
};
