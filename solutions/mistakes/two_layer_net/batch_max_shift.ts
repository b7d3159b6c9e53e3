/**
 * The softmax is shifted by the maximum of the whole batch, not of each row: a row whose scores
 * sit 2000 below the top row's gets exp(−2000) = 0 everywhere and log 0.
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
  const shifted = S.sub(Math.max(...S.data));
`,
    },
  ],
};
