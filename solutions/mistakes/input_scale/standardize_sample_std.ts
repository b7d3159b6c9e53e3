/**
 * Standardized with the sample standard deviation (dividing by N − 1 instead of N).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "convention",
  patch: [
    {
      solution: `
  const std = centred.square().colSums().div(X.rows).sqrt();
`,
      learner: `
  const std = centred.square().colSums().div(X.rows - 1).sqrt();
`,
    },
  ],
};
