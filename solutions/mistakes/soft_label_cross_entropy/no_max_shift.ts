/**
 * No max shift before exp: exp(1000) is Infinity and the loss and gradient become NaN on rows near +1000.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const shifted = scores.sub(scores.rowMax());
`,
      learner: `
  const shifted = scores.clone();
`,
    },
  ],
};
