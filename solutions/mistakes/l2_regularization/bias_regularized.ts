/**
 * The bias is regularized too: λ·Σb² is added to the loss and 2λb to db.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "extra-term",
  patch: [
    {
      solution: `
    loss: data.loss + penalty.loss,
    dW: X.T.matmul(data.dScores).add(penalty.dW),
    db: data.dScores.colSums(),
`,
      learner: `
    loss: data.loss + lambda * (W.dot(W) + b.dot(b)),
    dW: X.T.matmul(data.dScores).add(penalty.dW),
    db: data.dScores.colSums().add(b.mul(2 * lambda)),
`,
    },
  ],
};
