/**
 * The ReLU's forward applied to the gradient instead of its backward: negative gradients are
 * cut and positive ones pass, whatever the unit did in the forward pass.
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
  const dZ = reluForward(back2.dX).out;
`,
    },
  ],
};
