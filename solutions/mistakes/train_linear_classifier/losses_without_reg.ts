/**
 * The recorded losses leave out the regularization term (the training itself is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
    losses.push(loss + reg * W.square().sum());
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    losses.push(loss);
    const dW = X.T.matmul(dScores).add(W.mul(2 * reg));
    W = W.sub(dW.mul(learningRate));
    b = b.sub(dScores.colSums().mul(learningRate));
`,
    },
  ],
};
