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
      d[row + j] = (2 * u) / n;
      pull += (2 * u) / n;
    }
    d[row + y[i]] = -pull;
  }
  return { loss: loss / n, dScores };
`,
      learner: `
      dScores.data[i * c + j] += 2 * u;
      dScores.data[i * c + y[i]] -= 2 * u;
    }
  }
  return { loss, dScores };
`,
    },
  ],
};
