/**
 * The backward returns the mask itself (1 where x > 0, else 0) without multiplying by dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  const x = cache.x as Matrix;
  return dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
`,
      learner: `
export function reluBackward(_dout: Matrix, cache: ReluCache): Matrix {
  return (cache.x as Matrix).map((v) => (v > 0 ? 1 : 0));
`,
    },
  ],
};
