/**
 * oneHot builds C×N (a column per example) instead of N×C.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "transpose",
  patch: [
    {
      solution: `
  const out = new Matrix(y.length, classes);
  for (let i = 0; i < y.length; i++) out.data[i * classes + y[i]] = 1;
`,
      learner: `
  const out = new Matrix(classes, y.length);
  for (let i = 0; i < y.length; i++) out.data[y[i] * y.length + i] = 1;
`,
    },
  ],
};
