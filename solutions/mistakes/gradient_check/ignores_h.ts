/**
 * The gradient check ignores the step it is given and always uses 1e-5.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
  for (let i = 0; i < x.size; i++) numeric.data[i] = centered(f, x, i, h);
`,
      learner: `
  for (let i = 0; i < x.size; i++) numeric.data[i] = centered(f, x, i, 1e-5);
`,
    },
  ],
};
