/**
 * Divides the closest yᵢ·sᵢ by Σ W² instead of its square root: the result then shrinks when (W, b) is scaled, which a distance does not.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  return closest / Math.sqrt(W.square().sum());
`,
      learner: `
  return closest / W.square().sum();
`,
    },
  ],
};
