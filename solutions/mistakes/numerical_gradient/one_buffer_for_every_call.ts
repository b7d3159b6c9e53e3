/**
 * The gradient is written into a buffer allocated once for the module and returned as a view:
 * each call overwrites the gradient the previous call returned.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `

/**
`,
      learner: `

const buffer = new Float64Array(1024);

/**
`,
    },
    {
      solution: `
  const grad = new Matrix(x.rows, x.cols);
`,
      learner: `
  const grad = new Matrix(x.rows, x.cols, buffer.subarray(0, x.size));
`,
    },
  ],
};
