/**
 * sigmoidBackward treats its argument as the sigmoid's input: σ(out)·(1 − σ(out)) instead of
 * out·(1 − out).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "wrong-operand",
  patch: [
    {
      solution: `
  return out.map((s, i, j) => s * (1 - s) * dout.get(i, j));
`,
      learner: `
  return out.map((v, i, j) => {
    const s = 1 / (1 + Math.exp(-v));
    return s * (1 - s) * dout.get(i, j);
  });
`,
    },
  ],
};
