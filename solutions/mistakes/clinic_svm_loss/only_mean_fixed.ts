/**
 * Only the 1/N fixed: the correct class is still counted in the sum (every loss 1 too high).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "correct-class",
  patch: [{
    solution: `
      if (j === y[i]) continue;
`,
    learner: "",
  }],
};
