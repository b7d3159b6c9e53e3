/**
 * # The SVM margin, and why L2 appears in it (solution)
 *
 * L = (1/N) · Σ max(0, 1 − y·s) + λ·Σ W² with s = X·W + b; the scores' gradient is −y/N where
 * y·s < 1, taken back through the affine map; the penalty adds 2λW, nothing for b.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode marginLoss} returns. */
export interface MarginLossResult {
  /** The mean hinge loss over the batch plus λ·Σ W². */
  loss: number;
  /** ∂loss/∂W, D×1. */
  dW: Matrix;
  /** ∂loss/∂b, 1×1. */
  db: Matrix;
}

/**
 * The regularized binary hinge loss of a linear classifier and its gradients.
 *
 * @example
 * ```ts
 * marginLoss(Matrix.from([[1]]), Matrix.from([[0]]), Matrix.from([[2]]), Float64Array.of(1), 0.5)
 *   .loss; // 0 + 0.5
 * ```
 */
export function marginLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  lambda: number,
): MarginLossResult {
  const n = X.rows;
  const s = X.matmul(W).add(b.data[0]);
  const dS = new Matrix(n, 1);
  let hinge = 0;
  for (let i = 0; i < n; i++) {
    const margin = y[i] * s.data[i];
    if (margin < 1) {
      hinge += 1 - margin;
      dS.data[i] = -y[i] / n;
    }
  }
  return {
    loss: hinge / n + lambda * W.square().sum(),
    dW: X.T.matmul(dS).add(W.mul(2 * lambda)),
    db: Matrix.full(1, 1, dS.sum()),
  };
}

/**
 * The mean hinge loss of (k·W, k·b) for every k of `scales`.
 *
 * @example
 * ```ts
 * scaledDataLoss(W, b, X, y, Float64Array.of(1, 10)); // the second is 0 if (W, b) separates
 * ```
 */
export function scaledDataLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  scales: Float64Array,
): Float64Array {
  const n = X.rows;
  const out = new Float64Array(scales.length);
  for (let k = 0; k < scales.length; k++) {
    const s = X.matmul(W.mul(scales[k])).add(b.data[0] * scales[k]);
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(0, 1 - y[i] * s.data[i]);
    out[k] = total / n;
  }
  return out;
}

/**
 * minᵢ yᵢ·sᵢ / ‖W‖: the distance from the boundary to the closest example.
 *
 * @example
 * ```ts
 * geometricMargin(Matrix.from([[3], [4]]), Matrix.from([[0]]), Matrix.from([[1, 1]]), Float64Array.of(1));
 * // 7 / 5
 * ```
 */
export function geometricMargin(W: Matrix, b: Matrix, X: Matrix, y: Float64Array): number {
  const s = X.matmul(W).add(b.data[0]);
  let closest = Infinity;
  for (let i = 0; i < X.rows; i++) closest = Math.min(closest, y[i] * s.data[i]);
  return closest / Math.sqrt(W.square().sum());
}
