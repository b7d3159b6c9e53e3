/**
 * The ReLU's backward skipped between the two layers: the gradient reaches the first layer also
 * through the hidden units that were off.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  const back1 = affineBackward(reluBackward(back2.dX, hidden.cache), first.cache);
`,
      learner: `
  const back1 = affineBackward(back2.dX, first.cache);
`,
    },
  ],
};
