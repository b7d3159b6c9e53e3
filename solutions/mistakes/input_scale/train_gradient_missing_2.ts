/**
 * Training: the gradient of the square without its factor 2 (the ½-convention's gradient on the
 * kit's loss).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    const dS = residual.mul(2 / X.rows);
`,
      learner: `
    const dS = residual.mul(1 / X.rows);
`,
    },
  ],
};
