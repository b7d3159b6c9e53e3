/**
 * Relative error without the 1e-8 floor: two zeros give 0/0 = NaN.
 *
 * Tiny entries are divided by their own tiny size, so rounding noise looks like a large error.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
    const err = Math.abs(ai - bi) / Math.max(Math.abs(ai), Math.abs(bi), FLOOR);
`,
      learner: `
    const err = Math.abs(ai - bi) / Math.max(Math.abs(ai), Math.abs(bi));
`,
    },
  ],
};
