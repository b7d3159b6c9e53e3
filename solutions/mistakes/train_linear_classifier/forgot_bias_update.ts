/**
 * Forgot the bias update: b stays at zero while W is trained.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
    b = b.sub(db.mul(learningRate));
`,
      learner: "",
    },
  ],
};
