/**
 * The relative error averaged over the entries instead of taken at the worst entry.
 *
 * One wrong entry among many is diluted into a small number.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    if (err > worst) worst = err;
  }
  return worst;
`,
      learner: `
    worst += err;
  }
  return worst / a.size;
`,
    },
  ],
};
