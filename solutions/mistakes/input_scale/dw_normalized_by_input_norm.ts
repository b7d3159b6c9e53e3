/**
 * Divided the weight gradient by the size of the input (‖X‖), so it ignores the data's scale.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  return X.T.matmul(dS);
`,
      learner: `
  const norm = Math.sqrt(X.square().sum());
  return X.T.matmul(dS).div(norm);
`,
    },
  ],
};
