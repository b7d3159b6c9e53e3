/**
 * A numerical backward: linearSvmLoss's dW is a centered difference of the loss (step 1e-4), not derived.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "numerical",
  patch: [
    {
      solution: `
  const { loss, dScores } = multiclassHingeLoss(X.matmul(W), y);
  return { loss, dW: X.T.matmul(dScores) };
`,
      learner: `
  const f = (w: Matrix) => multiclassHingeLoss(X.matmul(w), y).loss;
  const w = W.clone();
  const dW = new Matrix(W.rows, W.cols);
  const h = 1e-4;
  for (let i = 0; i < w.data.length; i++) {
    const old = w.data[i];
    w.data[i] = old + h;
    const up = f(w);
    w.data[i] = old - h;
    const down = f(w);
    w.data[i] = old;
    dW.data[i] = (up - down) / (2 * h);
  }
  return { loss: f(W), dW };
`,
    },
  ],
};
