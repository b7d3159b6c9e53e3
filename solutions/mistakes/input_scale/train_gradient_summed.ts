/**
 * Training: the loss's gradient summed over the batch, its 1/N forgotten (the loss itself is the
 * mean).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
    const dS = residual.mul(2 / X.rows);
`,
      learner: `
    const dS = residual.mul(2);
`,
    },
  ],
};
