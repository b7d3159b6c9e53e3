/**
 * The reciprocal's local derivative without its minus sign: 1/x grows more slowly, it does not fall.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
  return dout.div(x.square()).neg();
`,
      learner: `
  return dout.div(x.square());
`,
    },
  ],
};
