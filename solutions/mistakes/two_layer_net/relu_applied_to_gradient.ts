/**
 * Applied the ReLU to the gradient, dZ = max(0, dA), instead of masking dA where Z > 0.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
`,
      learner: `
  const dZ = dA.maximum(0);
`,
    },
  ],
};
