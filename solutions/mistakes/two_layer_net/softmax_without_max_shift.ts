/**
 * Softmax without the max shift: exp of the raw scores overflows for scores around 1000.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const shifted = S.sub(S.rowMax());
`,
      learner: `
  const shifted = S;
`,
    },
  ],
};
