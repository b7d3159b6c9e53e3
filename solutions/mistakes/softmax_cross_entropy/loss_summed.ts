/**
 * The loss is summed over the batch instead of averaged (the gradient is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return { loss: loss / n, dScores: dScores.div(n) };
`,
      learner: `
  return { loss, dScores: dScores.div(n) };
`,
    },
  ],
};
