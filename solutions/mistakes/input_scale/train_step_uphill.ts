/**
 * Training: the step added instead of subtracted (gradient ascent).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
    w = w.sub(weightGradient(X, dS).mul(options.learningRate));
`,
      learner: `
    w = w.add(weightGradient(X, dS).mul(options.learningRate));
`,
    },
  ],
};
