/**
 * The penalty added to the loss but not to the gradients: the weights' gradients are the data
 * loss's only, so training never feels the regularization it reports.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
    grads: { W1: back1.dW.add(p1.dW), b1: back1.db, W2: back2.dW.add(p2.dW), b2: back2.db },
`,
      learner: `
    grads: { W1: back1.dW, b1: back1.db, W2: back2.dW, b2: back2.db },
`,
    },
  ],
};
