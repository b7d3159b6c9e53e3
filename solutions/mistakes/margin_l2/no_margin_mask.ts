/**
 * Every example pulls on the gradient, also those whose margin is met (the loss is right: the mask is missing from the gradient only).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
    if (margin < 1) {
      hinge += 1 - margin;
      dS.data[i] = -y[i] / n;
    }
`,
      learner: `
    if (margin < 1) hinge += 1 - margin;
    dS.data[i] = -y[i] / n;
`,
    },
  ],
};
