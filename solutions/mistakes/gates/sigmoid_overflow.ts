/**
 * sigmoidForward as eˣ / (1 + eˣ) everywhere: Infinity / Infinity = NaN for x above ~709.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  return x.map((v) => {
    if (v >= 0) return 1 / (1 + Math.exp(-v));
    const e = Math.exp(v);
    return e / (1 + e);
  });
`,
      learner: `
  return x.map((v) => Math.exp(v) / (1 + Math.exp(v)));
`,
    },
  ],
};
