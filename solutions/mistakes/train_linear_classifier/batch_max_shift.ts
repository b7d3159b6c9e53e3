/**
 * The trainer computes its own softmax, shifted by the maximum of the whole batch instead of
 * each row's: right while the rows score at one level, an infinite loss once a step puts some
 * rows more than about 745 below the top one.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
  const { learningRate, steps, reg } = options;
`,
      learner: `
  const { learningRate, steps, reg } = options;
  const n = X.rows;
`,
    },
    {
      solution: `
    const { loss, dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    losses.push(loss + reg * W.square().sum());
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
`,
      learner: `
    const scores = X.matmul(W).add(b);
    const shifted = scores.sub(Math.max(...scores.data));
    const exps = shifted.exp();
    const sums = exps.rowSums();
    let loss = 0;
    for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - shifted.get(i, y[i]);
    losses.push(loss / n + reg * W.square().sum());
    const dScores = exps.div(sums).map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n);
    W = W.sub(X.T.matmul(dScores).add(W.mul(2 * reg)).mul(learningRate));
    b = b.sub(dScores.colSums().mul(learningRate));
`,
    },
  ],
};
