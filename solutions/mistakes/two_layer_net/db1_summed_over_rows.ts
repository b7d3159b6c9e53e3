/**
 * Summed db1 over the wrong axis: db1 = row sums of dZ (N×1 instead of 1×H).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-axis",
  patch: [
    {
      solution: `
  const db1 = dZ.colSums();
`,
      learner: `
  const db1 = dZ.rowSums();
`,
    },
  ],
};
