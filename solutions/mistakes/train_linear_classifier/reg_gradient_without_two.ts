/**
 * Regularization gradient reg·W instead of 2·reg·W (the derivative of reg·Σ W² lost its 2).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const dW = X.T.matmul(dScores).add(W.mul(reg));
    W = W.sub(dW.mul(learningRate));
    b = b.sub(dScores.colSums().mul(learningRate));
`,
    },
  ],
};
