/**
 * The correct class skipped in the loop and its gradient dropped with it: the −violations
 * term never written.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "correct-class",
  patch: [{
    solution: `
    d[row + y[i]] = -violations / n;
`,
    learner: "",
  }],
};
