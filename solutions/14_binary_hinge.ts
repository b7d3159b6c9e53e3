/**
 * # 12 · Binary hinge loss (solution)
 *
 * Labels ±1, margin 1: L = (1/N) · Σᵢ max(0, 1 − yᵢ·sᵢ); dScores[i] = −yᵢ / N where the margin
 * is violated, 0 where it is met (also exactly met).
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode binaryHingeLoss} returns. */
export interface BinaryHingeResult {
  /** The mean hinge loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×1, already divided by N. */
  dScores: Matrix;
}

/**
 * The mean binary hinge loss (margin 1, labels ±1) of N×1 scores, and its gradient.
 *
 * @example
 * ```ts
 * binaryHingeLoss(Matrix.columnVector([2, 0.5, 0.25]), Float64Array.of(1, 1, -1)).loss; // 1.75 / 3
 * ```
 */
export function binaryHingeLoss(scores: Matrix, y: Float64Array): BinaryHingeResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = 1 - y[i] * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -y[i] / n;
    }
  }
  return { loss: loss / n, dScores };
}
