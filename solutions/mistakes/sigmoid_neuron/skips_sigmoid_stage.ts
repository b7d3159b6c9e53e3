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
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
`,
      learner: `
  const dz = dout;
`,
    },
  ],
};
