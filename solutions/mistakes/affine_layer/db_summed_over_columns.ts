/**
 * Summed the bias gradient over the wrong axis: db = row sums of dout (N×1 instead of 1×H).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-axis",
  patch: [
    {
      solution: `
    db: dout.colSums(),
`,
      learner: `
    db: dout.rowSums(),
`,
    },
  ],
};
