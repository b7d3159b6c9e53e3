/**
 * A "fix" of the factor on the wrong side: the gradient left without 1/N and the loss divided
 * by N once more to match it.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [{
    solution: `
  return { loss: loss / n, dScores };
`,
    learner: `
  for (let k = 0; k < d.length; k++) d[k] *= n;
  return { loss: loss / n / n, dScores };
`,
  }],
};
