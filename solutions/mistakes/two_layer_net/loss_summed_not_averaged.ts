/**
 * The loss summed over the batch instead of averaged: the softmax loss's mean multiplied back
 * by N, while the gradients stay those of the mean.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return { loss, grads: { W1: back1.dW, b1: back1.db, W2: back2.dW, b2: back2.db } };
`,
      learner: `
  return { loss: loss * X.rows, grads: { W1: back1.dW, b1: back1.db, W2: back2.dW, b2: back2.db } };
`,
    },
  ],
};
