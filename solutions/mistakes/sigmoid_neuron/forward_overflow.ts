/**
 * The forward computes σ(z) as e^z / (1 + e^z): Infinity / Infinity = NaN once z passes ~709.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const out = sigmoid(z);
  return { out, cache: { x, w, out } };
`,
      learner: `
  const out = Math.exp(z) / (1 + Math.exp(z));
  return { out, cache: { x, w, out } };
`,
    },
  ],
};
