/**
 * Averaged the bias gradient instead of summing it: db = column means of dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
    db: dout.colSums(),
`,
      learner: `
    db: dout.colSums().div(dout.rows),
`,
    },
  ],
};
