/**
 * Forgot the 1/N: loss and dScores are summed over the batch instead of averaged.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
      dScores.data[i] = -y[i] / n;
    }
  }
  return { loss: loss / n, dScores };
`,
      learner: `
      dScores.data[i] = -y[i];
    }
  }
  return { loss, dScores };
`,
    },
  ],
};
