/**
 * dW accumulated example by example and never divided by N (the loss is divided, the gradient not).
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "forgotten-1/N",
  patch: [
    {
      solution: `
  const { loss, dScores } = multiclassHingeLoss(X.matmul(W), y);
  return { loss, dW: X.T.matmul(dScores) };
`,
      learner: `
  const n = X.rows, d = X.cols, c = W.cols;
  const scores = X.matmul(W);
  const dW = new Matrix(d, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const correct = scores.get(i, y[i]);
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const margin = scores.get(i, j) - correct + 1;
      if (margin > 0) {
        loss += margin;
        for (let k = 0; k < d; k++) {
          dW.data[k * c + j] += X.get(i, k);
          dW.data[k * c + y[i]] -= X.get(i, k);
        }
      }
    }
  }
  return { loss: loss / n, dW };
`,
    },
  ],
};
