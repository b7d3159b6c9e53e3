/**
 * The add gate copies dout once and returns that copy as both dx and dy: dout is safe, but the
 * two gradients are one matrix.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `
  return { dx: dout.clone(), dy: dout.clone() };
`,
      learner: `
  const g = dout.clone();
  return { dx: g, dy: g };
`,
    },
  ],
};
