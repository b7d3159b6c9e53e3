/**
 * sigmoidBackward returns the local derivative out·(1 − out) without multiplying by dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "upstream-ignored",
  patch: [
    {
      solution: `
  return out.map((s, i, j) => s * (1 - s) * dout.get(i, j));
`,
      learner: `
  return out.map((s) => s * (1 - s));
`,
    },
  ],
};
