/**
 * The mask is taken from the sign of dout instead of the sign of the forward's input.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  const x = cache.x as Matrix;
  return dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
`,
      learner: `
export function reluBackward(dout: Matrix, _cache: ReluCache): Matrix {
  return dout.maximum(0);
`,
    },
  ],
};
