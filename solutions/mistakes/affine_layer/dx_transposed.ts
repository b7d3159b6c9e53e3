/**
 * Transposed input gradient: dX = W·doutᵀ (D×N instead of N×D).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [
    {
      solution: `
    dX: dout.matmul(W.T),
`,
      learner: `
    dX: W.matmul(dout.T),
`,
    },
  ],
};
