/**
 * Averaged the loss over the batch but not its gradient: dS = softmax − one-hot, no 1/N.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  const dS = P.map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n);
`,
      learner: `
  const dS = P.map((p, i, j) => p - (j === y[i] ? 1 : 0));
`,
    },
  ],
};
