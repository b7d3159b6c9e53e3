/**
 * The mask taken from the wrong quantity: dA's sign instead of Z's.
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
  const dZ = dA.map((g) => (g > 0 ? g : 0));
`,
  }],
};
