/**
 * Used the derivative of a square instead of the product's: dW = (X ⊙ X)ᵀ·dS.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  return X.T.matmul(dS);
`,
      learner: `
  return X.square().T.matmul(dS);
`,
    },
  ],
};
