/**
 * The loss is averaged over the batch but the gradient is not divided by N.
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
  return { loss: loss / n, dScores };
`,
    },
  ],
};
