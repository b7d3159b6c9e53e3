/**
 * # 14 · Squared hinge loss (solution)
 *
 * Binary: L = (1/N) · Σᵢ max(0, 1 − yᵢ·sᵢ)², dScores = −2·y·u / N. Multiclass:
 * L = (1/N) · Σᵢ Σ_{j ≠ yᵢ} max(0, s_j − s_y + 1)², dScores = 2u / N on the wrong classes and
 * minus their row sum on the correct one. No ½ factor.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What both squared hinge losses return. */
export interface SquaredHingeResult {
  /** The mean squared hinge loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, the shape of the scores, already divided by N. */
  dScores: Matrix;
}

/**
 * The mean binary squared hinge loss (labels ±1, margin 1) of N×1 scores, and its gradient.
 *
 * @example
 * ```ts
 * binarySquaredHingeLoss(Matrix.columnVector([0.5, 1]), Float64Array.of(1, -1)).loss; // 2.125
 * ```
 */
export function binarySquaredHingeLoss(scores: Matrix, y: Float64Array): SquaredHingeResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const u = Math.max(0, 1 - y[i] * scores.data[i]);
    loss += u * u;
    dScores.data[i] = (-2 * y[i] * u) / n;
  }
  return { loss: loss / n, dScores };
}

/**
 * The mean multiclass squared hinge loss (margin 1, j ≠ y) of N×C scores, and its gradient.
 *
 * @example
 * ```ts
 * multiclassSquaredHingeLoss(Matrix.from([[1, 1.5, 0.5]]), Int32Array.of(0)).loss; // 2.5
 * ```
 */
export function multiclassSquaredHingeLoss(scores: Matrix, y: Int32Array): SquaredHingeResult {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  const dScores = new Matrix(n, c);
  const d = dScores.data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = i * c;
    const correct = s[row + y[i]];
    let pull = 0;
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const u = Math.max(0, s[row + j] - correct + 1);
      loss += u * u;
      d[row + j] = (2 * u) / n;
      pull += (2 * u) / n;
    }
    d[row + y[i]] = -pull;
  }
  return { loss: loss / n, dScores };
}
