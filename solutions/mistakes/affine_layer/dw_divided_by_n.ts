/**
 * Averaged the weight gradient over the batch: dW = Xᵀ·dout / N (the 1/N belongs to the loss).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
    dW: X.T.matmul(dout),
`,
      learner: `
    dW: X.T.matmul(dout).div(X.rows),
`,
    },
  ],
};
