/**
 * Shifts every score by the maximum of the whole batch instead of each row's own maximum: fine
 * while all rows sit at one level, exp(−2000) = 0 and log 0 for a row far below the top one.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
`,
      learner: `
  const n = scores.rows, c = scores.cols;
  const shifted = scores.sub(Math.max(...scores.data));
`,
    },
  ],
};
