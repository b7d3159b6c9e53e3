/**
 * The mask uses x ≥ 0, so the gradient passes at x = 0, against the pinned convention.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
  return dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
`,
      learner: `
  return dout.map((g, i, j) => (x.get(i, j) >= 0 ? g : 0));
`,
    },
  ],
};
