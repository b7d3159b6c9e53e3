/**
 * The add gate passes its local derivative (ones) instead of the upstream gradient.
 *
 * Right only when dout happens to be all ones.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
  return { dx: dout.clone(), dy: dout.clone() };
`,
      learner: `
  return { dx: Matrix.full(dout.rows, dout.cols, 1), dy: Matrix.full(dout.rows, dout.cols, 1) };
`,
    },
  ],
};
