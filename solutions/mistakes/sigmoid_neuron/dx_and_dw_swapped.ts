/**
 * dx and dw swapped: each input's gradient built from itself (dz·x for x) instead of from the
 * value it multiplies.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
  return { dx: w.mul(dz), dw: x.mul(dz), db: dz };
`,
      learner: `
  return { dx: x.mul(dz), dw: w.mul(dz), db: dz };
`,
    },
  ],
};
