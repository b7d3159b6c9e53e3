/**
 * Gradient ascent: the parameters move along the gradient (W + η·dW), so the loss grows.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const dW = X.T.matmul(dScores).add(W.mul(2 * reg));
    W = W.add(dW.mul(learningRate));
    b = b.add(dScores.colSums().mul(learningRate));
`,
    },
  ],
};
