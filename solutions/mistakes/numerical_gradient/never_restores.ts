/**
 * Never puts the perturbed entry back: x is left at x − h everywhere, and later entries are
 * differentiated at a shifted point.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
    d[i] = old;
`,
      learner: "",
    },
  ],
};
