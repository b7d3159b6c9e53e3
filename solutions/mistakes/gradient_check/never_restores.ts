/**
 * Never puts the moved entry back: x is left at x − h.
 *
 * Every later entry (and step) is then differentiated at a shifted point.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
  const minus = f(x);
  d[i] = old;
`,
      learner: `
  const minus = f(x);
`,
    },
  ],
};
