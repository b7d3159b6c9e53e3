/**
 * The penalty's gradient taken as λ·W, as if the penalty were ½λ·Σ W²: the kit's penalty has no ½.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    dW: X.T.matmul(dS).add(W.mul(2 * lambda)),
`,
      learner: `
    dW: X.T.matmul(dS).add(W.mul(lambda)),
`,
    },
  ],
};
