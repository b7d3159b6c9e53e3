/**
 * # 10 · Binary cross-entropy through a sigmoid (solution)
 *
 * Lᵢ = max(sᵢ, 0) − yᵢ·sᵢ + log(1 + e^(−|sᵢ|)) with labels 0/1, averaged over N;
 * dScores = (σ(s) − y) / N.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode binaryCrossEntropy} returns. */
export interface BinaryCrossEntropyResult {
  /** The mean binary cross-entropy over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×1, already divided by N. */
  dScores: Matrix;
}

/** σ(s) without overflow: e^(−|s|) never exceeds 1. */
function sigmoid(s: number): number {
  const e = Math.exp(-Math.abs(s));
  return s >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/**
 * The mean binary cross-entropy of N×1 raw scores with 0/1 labels, and its gradient
 * (σ(s) − y) / N. Stable for scores of any size.
 *
 * @example
 * ```ts
 * binaryCrossEntropy(Matrix.columnVector([0, 0]), Float64Array.of(1, 0)).loss; // log 2
 * ```
 */
export function binaryCrossEntropy(scores: Matrix, y: Float64Array): BinaryCrossEntropyResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const s = scores.data[i];
    loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
  }
  return { loss: loss / n, dScores };
}
