/**
 * scaledDataLoss scales the caller's W in place, one scale after the other: the losses after the
 * first use W times the product of the scales so far, and the caller's W is left changed.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "modified-input",
  patch: [
    {
      solution: `
    const s = X.matmul(W.mul(scales[k])).add(b.data[0] * scales[k]);
`,
      learner: `
    for (let j = 0; j < W.size; j++) W.data[j] *= scales[k];
    const s = X.matmul(W).add(b.data[0] * scales[k]);
`,
    },
  ],
};
