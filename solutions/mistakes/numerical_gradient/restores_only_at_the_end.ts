/**
 * Restores x only once, after the loop: while entry i is perturbed, the earlier entries still
 * sit at old − h, so several coordinates are perturbed at once.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
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
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const saved = x.data.slice();
`,
    },
    {
      solution: `
    d[i] = old;
    grad.data[i] = (plus - minus) / (2 * h);
  }
`,
      learner: `
    grad.data[i] = (plus - minus) / (2 * h);
  }
  x.data.set(saved);
`,
    },
  ],
};
