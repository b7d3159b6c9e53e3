/**
 * The exp gate returns its local derivative alone, never multiplied by the upstream gradient.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
  return x.exp().mul(dout);
`,
      learner: `
  return x.exp();
`,
    },
  ],
};
