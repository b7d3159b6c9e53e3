/**
 * Gradient −y/N on every example, also those whose margin is met (the max's mask is dropped).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "mask",
  patch: [
    {
      solution: `
    const shortfall = 1 - y[i] * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -y[i] / n;
    }
`,
      learner: `
    loss += Math.max(0, 1 - y[i] * scores.data[i]);
    dScores.data[i] = -y[i] / n;
`,
    },
  ],
};
