/**
 * Centered difference divided by h instead of 2h: every entry twice too large.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    grad.data[i] = (plus - minus) / (2 * h);
`,
      learner: `
    grad.data[i] = (plus - minus) / h;
`,
    },
  ],
};
