/**
 * Forgot the ReLU in the backward pass: the second layer's dX goes straight into the first
 * layer's backward, also through the units that were off.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  const dZ = reluBackward(back2.dX, hidden.cache);
`,
      learner: `
  const dZ = back2.dX;
`,
    },
  ],
};
