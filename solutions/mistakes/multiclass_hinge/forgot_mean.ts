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
        d[row + j] = 1 / n;
        violations++;
      }
    }
    d[row + y[i]] = -violations / n;
  }
  return { loss: loss / n, dScores };
`,
      learner: `
        dScores.data[i * c + j] += 1;
        dScores.data[i * c + y[i]] -= 1;
      }
    }
  }
  return { loss, dScores };
`,
    },
  ],
};
