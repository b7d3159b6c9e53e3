/**
 * # Cross-entropy against a target distribution (solution)
 *
 * L = (1/N) · Σᵢ Σⱼ −tᵢⱼ · (sᵢⱼ − mᵢ − log Σₘ exp(sᵢₘ − mᵢ)) with mᵢ the row maximum; since each
 * target row sums to 1, dScores = (softmax − targets) / N. The negative log-likelihood is a
 * mean of logs, never the log of a product.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode softLabelCrossEntropy} returns. */
export interface SoftLabelResult {
  /** The mean cross-entropy over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×C, already divided by N. */
  dScores: Matrix;
}

/**
 * The mean cross-entropy of softmax(scores) against target rows, and its gradient
 * (softmax − targets) / N. Stable for scores of any size: each row is shifted by its maximum.
 *
 * @example
 * ```ts
 * softLabelCrossEntropy(Matrix.from([[0, 0, 0]]), Matrix.from([[0, 0.5, 0.5]])).loss; // log 3
 * ```
 */
export function softLabelCrossEntropy(scores: Matrix, targets: Matrix): SoftLabelResult {
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logProbs = shifted.sub(sums.log());
  let loss = 0;
  for (let k = 0; k < logProbs.size; k++) {
    if (targets.data[k] !== 0) loss -= targets.data[k] * logProbs.data[k];
  }
  const probs = exps.div(sums);
  return { loss: loss / n, dScores: probs.sub(targets).div(n) };
}

/**
 * −(1/N) · Σᵢ log probs[i, y[i]]: the mean negative log-likelihood, as a sum of logs.
 *
 * @example
 * ```ts
 * negativeLogLikelihood(Matrix.from([[0.7, 0.3], [0.4, 0.6]]), Int32Array.of(0, 1));
 * // −log(0.7 · 0.6) / 2
 * ```
 */
export function negativeLogLikelihood(probs: Matrix, y: Int32Array): number {
  const n = probs.rows;
  let logLikelihood = 0;
  for (let i = 0; i < n; i++) logLikelihood += Math.log(probs.data[i * probs.cols + y[i]]);
  return -logLikelihood / n;
}

/**
 * The labels as one-hot rows: 1 at [i, y[i]], 0 elsewhere.
 *
 * @example
 * ```ts
 * oneHot(Int32Array.of(1), 2); // [[0, 1]]
 * ```
 */
export function oneHot(y: Int32Array, classes: number): Matrix {
  const out = new Matrix(y.length, classes);
  for (let i = 0; i < y.length; i++) out.data[i * classes + y[i]] = 1;
  return out;
}
