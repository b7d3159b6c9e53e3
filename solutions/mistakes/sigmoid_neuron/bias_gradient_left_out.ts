/**
 * The bias's gradient taken as dout, past the sigmoid stage, instead of dz.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "skipped-stage",
  patch: [
    {
      solution: `
  return { dx: w.mul(dz), dw: x.mul(dz), db: dz };
`,
      learner: `
  return { dx: w.mul(dz), dw: x.mul(dz), db: dout };
`,
    },
  ],
};
