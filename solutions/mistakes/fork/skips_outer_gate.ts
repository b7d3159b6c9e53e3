/**
 * Feeds dout instead of dm into the inner multiply gate: the chain through the outer gate
 * (out = a ⊙ m) is skipped for that branch.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "skipped-stage",
  patch: [
    {
      solution: `
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
`,
      learner: `
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dout);
`,
    },
  ],
};
