/**
 * The loss is the mean but its gradient is not divided by N: every entry of dScores N times too large.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return { loss: loss / n, dScores: probs.sub(targets).div(n) };
`,
      learner: `
  return { loss: loss / n, dScores: probs.sub(targets) };
`,
    },
  ],
};
