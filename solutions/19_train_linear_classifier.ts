/**
 * # 16 · Train a linear classifier (solution)
 *
 * Full-batch gradient descent from zeros on softmax cross-entropy + reg·Σ W²; losses[k] is the
 * loss before step k's update.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";
import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";

/** Settings of {@linkcode trainLinearClassifier}. */
export interface TrainOptions {
  /** η, the step size of gradient descent. */
  learningRate: number;
  /** How many gradient descent steps to take. */
  steps: number;
  /** The L2 regularization strength λ in λ·Σ W² (0 for none). */
  reg: number;
}

/** What {@linkcode trainLinearClassifier} returns. */
export interface TrainResult {
  /** The trained weights, D×C. */
  W: Matrix;
  /** The trained biases, 1×C. */
  b: Matrix;
  /** The loss recorded at each step, before that step's update. */
  losses: number[];
}

/**
 * Trains scores = X·W + b by full-batch gradient descent from zeros.
 *
 * @example
 * ```ts
 * const X = Matrix.columnVector([-2, -1, 1, 2]);
 * trainLinearClassifier(X, Int32Array.of(0, 0, 1, 1), 2, { learningRate: 0.5, steps: 2, reg: 0 });
 * ```
 */
export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  const { learningRate, steps, reg } = options;
  let W = Matrix.zeros(X.cols, classes);
  let b = Matrix.zeros(1, classes);
  const Xt = X.T;
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { loss, dScores } = softmaxCrossEntropy(X.matmul(W).add(b), y);
    losses.push(loss + reg * W.square().sum());
    const dW = Xt.matmul(dScores).add(W.mul(2 * reg));
    const db = dScores.colSums();
    W = W.sub(dW.mul(learningRate));
    b = b.sub(db.mul(learningRate));
  }
  return { W, b, losses };
}
