/**
 * Relative error divided by |a| alone (with the floor), not by the larger of |a| and |b|.
 *
 * The error then depends on which argument comes first, and is too large wherever |b| is.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    const err = Math.abs(ai - bi) / Math.max(Math.abs(ai), Math.abs(bi), FLOOR);
`,
      learner: `
    const err = Math.abs(ai - bi) / Math.max(Math.abs(ai), FLOOR);
`,
    },
  ],
};
