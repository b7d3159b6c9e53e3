/**
 * Training: a step of length η along the gradient's direction (the gradient divided by its norm):
 * blind to the data's scale, and not gradient descent.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    w = w.sub(weightGradient(X, dS).mul(options.learningRate));
`,
      learner: `
    const g = weightGradient(X, dS);
    w = w.sub(g.mul(options.learningRate / Math.sqrt(g.square().sum())));
`,
    },
  ],
};
