/**
 * # 11 · Softmax cross-entropy over a batch (solution)
 *
 * L = (1/N) · Σᵢ (log Σⱼ exp(sᵢⱼ) − s_{i,yᵢ}), computed after subtracting each row's maximum;
 * dScores = (softmax − one-hot) / N.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode softmaxCrossEntropy} returns. */
export interface SoftmaxResult {
  /** The mean cross-entropy loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×C, already divided by N. */
  dScores: Matrix;
}

/**
 * The mean softmax cross-entropy of N×C scores with labels `y` (0..C−1), and its gradient
 * (softmax − one-hot) / N. Stable for scores of any size: each row is shifted by its maximum.
 *
 * @example
 * ```ts
 * softmaxCrossEntropy(Matrix.from([[2, 2, 2]]), Int32Array.of(1)).loss; // log 3
 * ```
 */
export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logSums = sums.log();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
}
