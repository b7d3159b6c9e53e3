/**
 * Used the ±1-label logistic loss log(1 + e^(−y·s)) with 0/1 labels: a 0 label costs log 2 always.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "convention",
  patch: [
    {
      solution: `
    const s = scores.data[i];
    loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
`,
      learner: `
    const m = y[i] * scores.data[i];
    loss += Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    // d/ds log(1 + e^(−y·s)) = −y·σ(−y·s)
    dScores.data[i] = (-y[i] / (1 + Math.exp(m))) / n;
`,
    },
  ],
};
