/**
 * Used the ½·(p − t)² convention: loss and gradient are half of what this kit asks for.
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
  return { loss: diff.square().sum() / (2 * n), dPred: diff.div(n) };
`,
    },
  ],
};
