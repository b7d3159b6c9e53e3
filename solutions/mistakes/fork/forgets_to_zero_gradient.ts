/**
 * Accumulates dx into a gradient buffer that lives between calls and is never reset: right on
 * the first call, doubled on the second.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "state",
  patch: [
    {
      solution: `
import type { Matrix } from "@gradkit/lib";
`,
      learner: `
import { Matrix } from "@gradkit/lib";
`,
    },
    {
      solution: `

/** The gates in reverse order; dx is the sum of the add gate's and the multiply gate's shares. */
`,
      learner: `

let xGrad: Matrix | undefined;

/** The gates in reverse order; dx is the sum of the add gate's and the multiply gate's shares. */
`,
    },
    {
      solution: `
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
`,
      learner: `
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  if (!xGrad || xGrad.rows !== x.rows || xGrad.cols !== x.cols) {
    xGrad = new Matrix(x.rows, x.cols);
  }
`,
    },
    {
      solution: `
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
`,
      learner: `
  xGrad = xGrad.add(dxFromAdd).add(dxFromMultiply);
  return { dx: xGrad.clone(), dy, dz };
`,
    },
  ],
};
