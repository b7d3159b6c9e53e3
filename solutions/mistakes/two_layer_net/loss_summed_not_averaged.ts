/**
 * Summed the loss over the batch instead of averaging it (the gradients still use 1/N).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  loss /= n;
`,
      learner: "",
    },
  ],
};
