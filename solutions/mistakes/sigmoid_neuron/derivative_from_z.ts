/**
 * The sigmoid's derivative evaluated with z instead of the output: z·(1 − z)·dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  const out = sigmoid(z);
  return { out, cache: { x, w, out } };
`,
      learner: `
  return { out: sigmoid(z), cache: { x, w, z } };
`,
    },
    {
      solution: `
  const out = cache.out as number;
  const dz = out * (1 - out) * dout;
`,
      learner: `
  const z = cache.z as number;
  const dz = z * (1 - z) * dout;
`,
    },
  ],
};
