/**
 * Skips the sigmoid stage in the backward: dz = dout, as if out were z.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "skipped-stage",
  patch: [
    {
      solution: `
  const dz = out * (1 - out) * dout;
`,
      learner: `
  const dz = dout;
`,
    },
  ],
};
