/**
 * Averaged over the batch a second time: dW = Xᵀ·dS / N (the 1/N is already inside dS).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return X.T.matmul(dS);
`,
      learner: `
  return X.T.matmul(dS).div(X.rows);
`,
    },
  ],
};
