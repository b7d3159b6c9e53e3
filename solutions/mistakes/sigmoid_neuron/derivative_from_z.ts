/**
 * The sigmoid's derivative evaluated with z instead of the output: z·(1 − z) ⊙ dout.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  const out = z.map(sigmoid);
  return { out, cache: { x, w, out } };
`,
      learner: `
  return { out: z.map(sigmoid), cache: { x, w, z } };
`,
    },
    {
      solution: `
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
`,
      learner: `
  const { x, w, z } = cache as Record<"x" | "w" | "z", Matrix>;
  const dz = z.map((v, i) => v * (1 - v) * dout.get(i, 0));
`,
    },
  ],
};
