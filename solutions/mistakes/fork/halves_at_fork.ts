/**
 * Averages the two gradients that reach x instead of adding them ("x is used twice, so split").
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
`,
      learner: `
  return { dx: dxFromAdd.add(dxFromMultiply).mul(0.5), dy, dz };
`,
    },
  ],
};
