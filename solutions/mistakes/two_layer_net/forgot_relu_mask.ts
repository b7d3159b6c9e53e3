/**
 * Forgot the ReLU mask in the backward pass: dZ = dA, also through the units that were off.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
`,
      learner: `
  const dZ = dA;
`,
    },
  ],
};
