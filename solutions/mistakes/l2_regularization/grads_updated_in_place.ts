/**
 * Adds 2λW into the data gradients in place and returns them: the caller's dataGrads are modified.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
  const grads = weights.map((W, k) => {
    const penalty = l2Penalty(W, lambda);
    loss += penalty.loss;
    return dataGrads[k].add(penalty.dW);
  });
  return { loss, grads };
`,
      learner: `
  weights.forEach((W, k) => {
    loss += lambda * W.dot(W);
    for (let i = 0; i < W.size; i++) dataGrads[k].data[i] += 2 * lambda * W.data[i];
  });
  return { loss, grads: dataGrads };
`,
    },
  ],
};
