/**
 * Kept the plain hinge's gradient (±1/N per violated term): the shortfall factor 2·u is missing.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
      d[row + j] = (2 * u) / n;
      pull += (2 * u) / n;
    }
    d[row + y[i]] = -pull;
`,
      learner: `
      if (u > 0) {
        dScores.data[i * c + j] += 1 / n;
        dScores.data[i * c + y[i]] -= 1 / n;
      }
    }
`,
    },
  ],
};
