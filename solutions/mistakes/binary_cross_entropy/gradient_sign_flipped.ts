/**
 * The gradient is (y − σ(s)) / N: the sign is flipped (the value is right).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "sign",
  patch: [
    {
      solution: `
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
`,
      learner: `
    const e = Math.exp(-Math.abs(s));
    dScores.data[i] = (y[i] - (s >= 0 ? 1 / (1 + e) : e / (1 + e))) / n;
`,
    },
  ],
};
