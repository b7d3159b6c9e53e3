/**
 * The backward ignores dout: dz = out·(1 − out), the gradient of Σ out instead of Σ out ⊙ dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
`,
      learner: `
  const dz = out.map((s) => s * (1 - s));
`,
    },
  ],
};
