/**
 * Averaged over all N·K elements instead of over the N examples (differs when K > 1).
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
  return { loss: diff.square().mean(), dPred: diff.mul(2 / diff.size) };
`,
    },
  ],
};
