/**
 * The value is right but the gradient lost the 2 that the square brings down: (p − t)/N.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
`,
      learner: `
  return { loss: diff.square().sum() / n, dPred: diff.div(n) };
`,
    },
  ],
};
