/**
 * The weight decay 2λW is added to the gradients but the penalty is left out of the returned loss.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
  let loss = dataLoss;
  const grads = weights.map((W, k) => {
    const penalty = l2Penalty(W, lambda);
    loss += penalty.loss;
    return dataGrads[k].add(penalty.dW);
  });
  return { loss, grads };
`,
      learner: `
  return { loss: dataLoss, grads: weights.map((W, k) => dataGrads[k].add(W.mul(2 * lambda))) };
`,
    },
  ],
};
