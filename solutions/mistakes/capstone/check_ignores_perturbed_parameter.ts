/**
 * A gradient check whose loss function ignores the matrix the checker moves: it always
 * evaluates the network at the original parameters, so every numerical gradient is 0.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "routing",
  patch: [
    {
      solution: `
    const f = (m: Matrix) => networkLoss(X, y, { ...at, [name]: m }, reg).loss;
`,
      learner: `
    const f = (_m: Matrix) => networkLoss(X, y, params, reg).loss;
`,
    },
  ],
};
