/**
 * λ divided by N: the penalty is (λ/N)·Σw² and its gradient (2λ/N)·W, as if it were averaged with the data.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
): RegularizedSvmResult {
`,
      learner: `
): RegularizedSvmResult {
  const n = X.rows;
`,
    },
    {
      solution: `
    loss: data.loss + penalty.loss,
    dW: X.T.matmul(data.dScores).add(penalty.dW),
`,
      learner: `
    loss: data.loss + (lambda / n) * W.dot(W),
    dW: X.T.matmul(data.dScores).add(W.mul((2 * lambda) / n)),
`,
    },
  ],
};
