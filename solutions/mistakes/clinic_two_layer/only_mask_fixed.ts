/**
 * Only the ReLU's mask fixed: W2's gradient is still the transposed product (C×H for H×C).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [{
    solution: `
  const dW2 = A.T.matmul(dS);
`,
    learner: `
  const dW2 = dS.T.matmul(A);
`,
  }],
};
