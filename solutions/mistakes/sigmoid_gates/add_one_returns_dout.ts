/**
 * The add-one gate returns the upstream gradient itself: the right numbers, but the caller's matrix.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "aliasing",
  patch: [
    {
      solution: `
  return dout.clone();
`,
      learner: `
  return dout;
`,
    },
  ],
};
