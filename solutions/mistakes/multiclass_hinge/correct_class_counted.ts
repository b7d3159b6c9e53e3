/**
 * The correct class is counted in the sum: every example adds max(0, 1) = 1 to the loss.
 *
 * The gradient is right (the extra term is a constant); only the value is off, by exactly 1.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "correct-class",
  patch: [
    {
      solution: `
      if (j === y[i]) continue;
      const margin = s[row + j] - correct + 1;
      if (margin > 0) {
        loss += margin;
        d[row + j] = 1 / n;
        violations++;
      }
    }
    d[row + y[i]] = -violations / n;
`,
      learner: `
      const margin = s[i * c + j] - correct + 1;
      if (margin > 0) {
        loss += margin;
        d[i * c + j] += 1 / n;
        d[i * c + y[i]] -= 1 / n;
      }
    }
`,
    },
  ],
};
