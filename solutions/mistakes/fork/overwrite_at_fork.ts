/**
 * Overwrites dx at the fork: the multiply gate's share replaces the add gate's instead of
 * being added to it.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
`,
      learner: `
  let { dx, dy } = addBackward(da);
  const fromMultiply = multiplyBackward(x, z, dm);
  dx = fromMultiply.dx;
  return { dx, dy, dz: fromMultiply.dy };
`,
    },
  ],
};
