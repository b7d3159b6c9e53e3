/**
 * The multiply-by-−1 gate passes the upstream gradient through unchanged, as an add gate would.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
  return dout.neg();
`,
      learner: `
  return dout.clone();
`,
    },
  ],
};
