/**
 * The two affine layers' gradients handed back to the wrong parameters: W1 and b1 get the
 * second layer's dW and db, W2 and b2 the first's.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
  return { loss, grads: { W1: back1.dW, b1: back1.db, W2: back2.dW, b2: back2.db } };
`,
      learner: `
  return { loss, grads: { W1: back2.dW, b1: back2.db, W2: back1.dW, b2: back1.db } };
`,
    },
  ],
};
