/**
 * With λ = 0 there is nothing to add, so totalLoss returns the caller's dataGrads array itself:
 * the right values, but the gradients it returns are the caller's inputs.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `
  let loss = dataLoss;
  const grads = weights.map((W, k) => {
    const penalty = l2Penalty(W, lambda);
    loss += penalty.loss;
    return dataGrads[k].add(penalty.dW);
`,
      learner: `
  if (lambda === 0) return { loss: dataLoss, grads: dataGrads };
  let loss = dataLoss;
  const grads = weights.map((W, k) => {
    const p = l2Penalty(W, lambda);
    loss += p.loss;
    return dataGrads[k].add(p.dW);
`,
    },
  ],
};
