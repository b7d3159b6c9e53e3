/**
 * The staged backward stops at the exp gate and never goes back through the negation.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "skipped-stage",
  patch: [
    {
      solution: `
  return negateBackward(x, da);
`,
      learner: `
  return da;
`,
    },
  ],
};
