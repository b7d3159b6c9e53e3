/**
 * db averaged over the batch (Σ dz / N) instead of summed: the upstream gradient already
 * weighs each example.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
`,
      learner: `
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.mean() };
`,
    },
  ],
};
