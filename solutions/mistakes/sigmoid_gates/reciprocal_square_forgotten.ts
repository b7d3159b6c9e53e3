/**
 * The reciprocal's local derivative taken as −1/x instead of −1/x²: one factor 1/x missing.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
  return dout.div(x.square()).neg();
`,
      learner: `
  return dout.div(x).neg();
`,
    },
  ],
};
