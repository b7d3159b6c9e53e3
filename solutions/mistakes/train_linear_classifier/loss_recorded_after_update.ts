/**
 * Records the loss after the update (one step late), from a second forward pass.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    const { loss, dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    losses.push(loss + reg * W.square().sum());
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const { dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    const dW = X.T.matmul(dScores).add(W.mul(2 * reg));
    W = W.sub(dW.mul(learningRate));
    b = b.sub(dScores.colSums().mul(learningRate));
    losses.push(softmaxCrossEntropy(X.matmul(W).add(b), y).loss + reg * W.square().sum());
`,
    },
  ],
};
