/**
 * Multiplied in the wrong order: dW = dSᵀ·X (C×D instead of D×C).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [
    {
      solution: `
  return X.T.matmul(dS);
`,
      learner: `
  return dS.T.matmul(X);
`,
    },
  ],
};
