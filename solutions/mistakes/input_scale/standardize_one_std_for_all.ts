/**
 * Used one standard deviation for the whole matrix instead of one per column.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-axis",
  patch: [
    {
      solution: `
  const std = centred.square().colSums().div(X.rows).sqrt();
  return { Xn: centred.div(std), mean, std };
`,
      learner: `
  const s = Math.sqrt(centred.square().mean());
  const std = Matrix.full(1, X.cols, s);
  return { Xn: centred.div(s), mean, std };
`,
    },
  ],
};
