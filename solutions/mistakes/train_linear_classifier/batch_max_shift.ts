/**
 * The trainer computes its own softmax, shifted by the maximum of the whole batch instead of
 * each row's: right while the rows score at one level, an infinite loss once a step puts some
 * rows more than about 745 below the top one.
 *
 * @module
 */
export * from "../../16_train_linear_classifier.ts";
import { Matrix } from "@gradkit/lib";
import type { TrainOptions, TrainResult } from "../../16_train_linear_classifier.ts";

export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  const { learningRate, steps, reg } = options;
  const n = X.rows;
  let W = Matrix.zeros(X.cols, classes);
  let b = Matrix.zeros(1, classes);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
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
  }
  return { W, b, losses };
}
