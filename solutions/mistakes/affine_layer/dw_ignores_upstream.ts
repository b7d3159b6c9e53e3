/**
 * Forgot the upstream gradient in dW: dW = Xᵀ·1 (as if dout were all ones).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
import type { Matrix } from "@gradkit/lib";
`,
      learner: `
import { Matrix } from "@gradkit/lib";
`,
    },
    {
      solution: `
    dW: X.T.matmul(dout),
`,
      learner: `
    dW: X.T.matmul(Matrix.full(dout.rows, dout.cols, 1)),
`,
    },
  ],
};
