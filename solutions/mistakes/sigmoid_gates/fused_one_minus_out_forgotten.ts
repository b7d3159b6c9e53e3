/**
 * The fused backward multiplies by out only, forgetting the factor (1 − out).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-factor",
  patch: [
    {
      solution: `
  return out.map((o) => o * (1 - o)).mul(dout);
`,
      learner: `
  return out.mul(dout);
`,
    },
  ],
};
