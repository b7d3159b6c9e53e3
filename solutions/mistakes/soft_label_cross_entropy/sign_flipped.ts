/**
 * The gradient's sign flipped: targets minus probabilities, which would climb the loss.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
  return { loss: loss / n, dScores: probs.sub(targets).div(n) };
`,
      learner: `
  return { loss: loss / n, dScores: targets.sub(probs).div(n) };
`,
    },
  ],
};
