/**
 * Divided by the standard deviation but forgot to subtract the mean: Xn = X / std.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
  const centred = X.sub(mean);
  const std = centred.square().colSums().div(X.rows).sqrt();
  return { Xn: centred.div(std), mean, std };
`,
      learner: `
  const std = X.sub(mean).square().colSums().div(X.rows).sqrt();
  return { Xn: X.div(std), mean, std };
`,
    },
  ],
};
