/**
 * Training: the loss recorded after the update instead of before it (losses[0] is not the loss of
 * w = 0).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "other",
  patch: [
    {
      solution: `
    const residual = X.matmul(w).sub(y);
    losses.push(residual.square().sum() / X.rows);
    const dS = residual.mul(2 / X.rows);
    w = w.sub(weightGradient(X, dS).mul(options.learningRate));
`,
      learner: `
    const residual = X.matmul(w).sub(y);
    const dS = residual.mul(2 / X.rows);
    w = w.sub(weightGradient(X, dS).mul(options.learningRate));
    losses.push(X.matmul(w).sub(y).square().sum() / X.rows);
`,
    },
  ],
};
