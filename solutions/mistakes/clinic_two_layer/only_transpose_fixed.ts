/**
 * Only the transposed product fixed: the ReLU's mask is still missing on the way back.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [{
    solution: `
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
`,
    learner: `
  const dZ = dA;
`,
  }],
};
