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
  const z = x.matmul(w).add(b);
  const out = z.map(sigmoid);
`,
      learner: `
  const e = x.matmul(w).add(b).exp();
  const out = e.div(e.add(1));
`,
    },
  ],
};
