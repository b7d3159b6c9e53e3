/**
 * Ignores the step it is given and always uses 1e-5.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
export function numericalGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
`,
      learner: `
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, _h = 1e-5): Matrix {
  const h = 1e-5;
`,
    },
  ],
};
