/**
 * Forgot the bias in the forward pass: out = X·W.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
  const out = X.matmul(W).add(b);
  return { out, cache: { X, W } };
`,
      learner: `
  return { out: X.matmul(W), cache: { X, W } };
`,
    },
  ],
};
