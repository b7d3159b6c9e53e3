/**
 * Forgot the 1/N: loss and gradient are summed over the batch.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
  }
  return { loss: loss / n, dScores };
`,
      learner: `
    const e = Math.exp(-Math.abs(s));
    dScores.data[i] = (s >= 0 ? 1 / (1 + e) : e / (1 + e)) - y[i];
  }
  return { loss, dScores };
`,
    },
  ],
};
