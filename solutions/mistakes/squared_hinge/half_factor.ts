/**
 * Put a ½ in front, L = (1/N)·Σ ½·u², with the matching gradient −y·u / N: the kit's loss has no ½.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
    loss += u * u;
    dScores.data[i] = (-2 * y[i] * u) / n;
`,
      learner: `
    loss += 0.5 * u * u;
    dScores.data[i] = (-y[i] * u) / n;
`,
    },
  ],
};
