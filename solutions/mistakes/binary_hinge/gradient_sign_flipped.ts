/**
 * The gradient is +y/N on violated margins: the sign is flipped (the value is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
      dScores.data[i] = -y[i] / n;
`,
      learner: `
      dScores.data[i] = y[i] / n;
`,
    },
  ],
};
