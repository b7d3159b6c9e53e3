/**
 * Forgot the −(number of violations) on the correct class: only the wrong classes get a gradient.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "correct-class",
  patch: [
    {
      solution: `
    d[row + y[i]] = -violations / n;
`,
      learner: "",
    },
  ],
};
