/**
 * Took log σ(s) and log(1 − σ(s)) directly: σ rounds to 0 or 1 at |s| ≈ 1000 and log gives −Infinity.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
    const s = scores.data[i];
    loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
`,
      learner: `
    const p = 1 / (1 + Math.exp(-scores.data[i]));
    loss -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
    dScores.data[i] = (p - y[i]) / n;
`,
    },
  ],
};
