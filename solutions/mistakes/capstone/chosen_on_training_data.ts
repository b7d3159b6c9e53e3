/**
 * The regularization strength chosen by the accuracy on the training rows instead of the
 * validation rows: the training data nearly always prefers the weakest penalty.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    valAccuracies.push(accuracy(split.valX, split.valY, params));
`,
      learner: `
    valAccuracies.push(accuracy(split.X, split.y, params));
`,
    },
  ],
};
