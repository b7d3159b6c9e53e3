/**
 * scaledDataLoss scales W but not the bias: the boundary moves as k grows, and the data loss need not reach 0.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "missing-term",
  patch: [
    {
      solution: `
    const s = X.matmul(W.mul(scales[k])).add(b.data[0] * scales[k]);
`,
      learner: `
    const s = X.matmul(W.mul(scales[k])).add(b.data[0]);
`,
    },
  ],
};
