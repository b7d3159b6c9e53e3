/**
 * Used margin 0, max(0, −y·s) (the perceptron loss): examples just past the boundary cost nothing.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "convention",
  patch: [
    {
      solution: `
    const shortfall = 1 - y[i] * scores.data[i];
`,
      learner: `
    const shortfall = -y[i] * scores.data[i];
`,
    },
  ],
};
