/**
 * Only the correct class fixed: the gradient still lacks the 1/N the loss has.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
        d[row + j] = 1 / n;
`,
      learner: `
        d[row + j] = 1;
`,
    },
    {
      solution: `
    d[row + y[i]] = -violations / n;
`,
      learner: `
    d[row + y[i]] = -violations;
`,
    },
  ],
};
