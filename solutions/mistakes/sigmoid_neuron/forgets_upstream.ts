/**
 * The backward ignores dout: dz = out·(1 − out), the gradient of out itself instead of that of
 * a loss that reaches out with slope dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
  const dz = out * (1 - out) * dout;
`,
      learner: `
  const dz = out * (1 - out);
`,
    },
  ],
};
