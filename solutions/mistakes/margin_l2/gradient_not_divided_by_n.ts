/**
 * The data loss is a mean but its gradient is not divided by N.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
      dS.data[i] = -y[i] / n;
`,
      learner: `
      dS.data[i] = -y[i];
`,
    },
  ],
};
