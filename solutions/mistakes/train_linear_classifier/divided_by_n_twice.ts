/**
 * Divided by N twice: dScores from the loss already carries 1/N, and dW, db divide again.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const n = X.rows;
    const dW = X.T.matmul(dScores).div(n).add(W.mul(2 * reg));
    W = W.sub(dW.mul(learningRate));
    b = b.sub(dScores.colSums().div(n).mul(learningRate));
`,
    },
  ],
};
