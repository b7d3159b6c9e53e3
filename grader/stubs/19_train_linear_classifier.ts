// deno-lint-ignore-file no-unused-vars
/**
 * # 16 · Train a linear classifier
 *
 * Everything so far was one forward pass and one backward pass. Training is the loop around
 * them: score the data with the current parameters, measure the loss, get the gradient of the
 * loss with respect to the parameters, and move the parameters a small step against that
 * gradient. Repeat. A linear classifier is the smallest model worth training this way:
 *
 *     scores = X·W + b                 (N×C: one row of class scores per example)
 *     L(W, b) = softmax cross-entropy of the scores   +   reg · Σ W²
 *
 * You already have every piece. Exercise 12 gives the data loss and its gradient with respect
 * to the scores (already divided by N). Exercise 09 showed how a gradient flows back through
 * X·W + b to W and b. Exercise 17 added the L2 term and its gradient. Gradient descent then
 * updates, with learning rate η:
 *
 *     W ← W − η·dW          b ← b − η·db
 *
 * This file imports your `softmaxCrossEntropy` from exercise 12 so you can use it directly (if
 * exercise 12 is not done yet, do it first: your training runs on your loss).
 *
 * ## The convention of this kit (the grader replays it exactly)
 *
 * - X is N×D (rows are examples), y holds N labels in 0..C−1 with C = `classes`.
 * - W starts as a D×C matrix of **zeros** and b as a 1×C row of **zeros**, so training is
 *   deterministic and the grader can follow it step by step.
 * - Full-batch gradient descent: every step uses all N examples; exactly `options.steps` steps.
 * - Step k (k = 0, 1, …, steps − 1), in this order:
 *     1. scores = X·W + b with the current W, b;
 *     2. loss = softmax cross-entropy (mean over N) + reg · Σ W² (b is **not** regularized,
 *        and reg is **not** divided by N);
 *     3. `losses[k]` = that loss, i.e. the loss **before** this step's update;
 *     4. dW and db: the gradient of that same total loss with respect to W and to b;
 *     5. W ← W − learningRate·dW, b ← b − learningRate·db.
 * - Return the W and b after the last update, and the `steps` recorded losses. So
 *   `losses[0]` is the loss of all-zero parameters, which is log C.
 * - X, y and options must not be modified.
 *
 * What the grader checks: one loss per step going down, the loss of the W, b you return, the
 * accuracy of your classifier on held-out examples it never trained on, and that your W, b and
 * losses match gradient descent done exactly as above (with and without regularization).
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-9 relative (an array relative to its largest entry), which a float32
 * computation (`Float32Array`, `Math.fround`) misses by a factor of 100 or more.
 *
 * Return new matrices: nothing you return may share memory with an argument, with another
 * returned matrix or with what an earlier call returned (the grader checks).
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";
import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";

/** Settings of {@linkcode trainLinearClassifier}. */
export interface TrainOptions {
  /** η, the step size of gradient descent (e.g. 0.05). */
  learningRate: number;
  /** How many gradient descent steps to take (a positive integer). */
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
  /** The loss recorded at each step, before that step's update: `steps` numbers. */
  losses: number[];
}

/**
 * Trains a softmax linear classifier scores = X·W + b by full-batch gradient descent from
 * all-zero parameters, with L2 regularization reg·Σ W² on the weights only.
 *
 * @param X N×D training inputs, one example per row (not modified).
 * @param y N labels, each in 0..classes−1 (not modified).
 * @param classes C, the number of classes.
 * @param options the learning rate, the number of steps and the regularization strength.
 * @returns `{ W, b, losses }`: W is D×C, b is 1×C, `losses` has `options.steps` entries.
 *
 * @example Two steps on four points in one dimension, two classes
 * ```ts
 * const X = Matrix.columnVector([-2, -1, 1, 2]);
 * const y = Int32Array.of(0, 0, 1, 1);
 * const { W, b, losses } = trainLinearClassifier(X, y, 2, { learningRate: 0.5, steps: 2, reg: 0 });
 * // losses[0] = log 2 ≈ 0.693 (all scores 0); losses[1] is smaller;
 * // W is 1×2 with W[0,1] > 0 > W[0,0]: a larger x now means "more likely class 1"
 * ```
 */
export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  return todo("trainLinearClassifier");
}
