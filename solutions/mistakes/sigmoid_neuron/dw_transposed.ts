/**
 * dw computed as dzᵀ·x: a 1×D row instead of the D×1 column of w.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [
    {
      solution: `
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
`,
      learner: `
  return { dx: dz.matmul(w.T), dw: dz.T.matmul(x), db: dz.sum() };
`,
    },
  ],
};
