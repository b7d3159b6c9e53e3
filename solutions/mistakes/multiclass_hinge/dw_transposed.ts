/**
 * dW computed as dSᵀ·X: a C×D matrix, the transpose of the D×C gradient.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [
    {
      solution: `
  return { loss, dW: X.T.matmul(dScores) };
`,
      learner: `
  return { loss, dW: dScores.T.matmul(X) };
`,
    },
  ],
};
