/**
 * Forgot the factor 2 of the square's derivative: dScores = −y·u / N (the value is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    dScores.data[i] = (-2 * y[i] * u) / n;
`,
      learner: `
    dScores.data[i] = (-y[i] * u) / n;
`,
    },
  ],
};
