/**
 * A "fix" that breaks the forward: the ReLU taken out of the forward so that the unmasked
 * backward fits it.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  const A = Z.maximum(0);
`,
      learner: `
  const A = Z;
`,
    },
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
