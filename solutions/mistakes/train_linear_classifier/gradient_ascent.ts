/**
 * Gradient ascent: the parameters move along the gradient (W + η·dW), so the loss grows.
 *
 * @module
 */
export * from "../../16_train_linear_classifier.ts";
import { Matrix } from "@gradkit/lib";
import { softmaxCrossEntropy } from "../../08_softmax_cross_entropy.ts";
import type { TrainOptions, TrainResult } from "../../16_train_linear_classifier.ts";

export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  const { learningRate, steps, reg } = options;
  let W = Matrix.zeros(X.cols, classes);
  let b = Matrix.zeros(1, classes);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { loss, dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    losses.push(loss + reg * W.square().sum());
    const dW = X.T.matmul(dScores).add(W.mul(2 * reg));
    W = W.add(dW.mul(learningRate));
    b = b.add(dScores.colSums().mul(learningRate));
  }
  return { W, b, losses };
}
