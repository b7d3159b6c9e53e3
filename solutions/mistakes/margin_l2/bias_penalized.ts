/**
 * Penalizes the bias too: λ·b² in the loss and 2λ·b in db, where the kit leaves the bias out of the penalty.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "extra-term",
  patch: [
    {
      solution: `
    loss: hinge / n + lambda * W.square().sum(),
    dW: X.T.matmul(dS).add(W.mul(2 * lambda)),
    db: Matrix.full(1, 1, dS.sum()),
`,
      learner: `
    loss: hinge / n + lambda * (W.square().sum() + b.data[0] ** 2),
    dW: X.T.matmul(dS).add(W.mul(2 * lambda)),
    db: Matrix.full(1, 1, dS.sum() + 2 * lambda * b.data[0]),
`,
    },
  ],
};
