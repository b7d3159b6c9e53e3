/**
 * Correct, written differently: loops; the hinge's gradient summed as −y and divided by N on dW
 * and db instead of on the scores' gradient; the closest example found through the norm of W
 * computed by Math.hypot; the scaled scores as k times the unscaled ones.
 *
 * @module
 */
export * from "../../18_margin_l2.ts";
import { Matrix } from "@gradkit/lib";
import type { MarginLossResult } from "../../18_margin_l2.ts";

function scoresOf(W: Matrix, b: Matrix, X: Matrix): Float64Array {
  const s = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let v = 0;
    for (let k = 0; k < X.cols; k++) v += X.get(i, k) * W.data[k];
    s[i] = v + b.data[0];
  }
  return s;
}

export function marginLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  lambda: number,
): MarginLossResult {
  const n = X.rows, d = X.cols;
  const s = scoresOf(W, b, X);
  const dW = new Matrix(d, 1);
  let db = 0, hinge = 0, penalty = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] * s[i] >= 1) continue;
    hinge += 1 - y[i] * s[i];
    for (let k = 0; k < d; k++) dW.data[k] -= y[i] * X.get(i, k);
    db -= y[i];
  }
  for (let k = 0; k < d; k++) {
    penalty += W.data[k] * W.data[k];
    dW.data[k] = dW.data[k] / n + 2 * lambda * W.data[k];
  }
  return { loss: hinge / n + lambda * penalty, dW, db: Matrix.full(1, 1, db / n) };
}

export function scaledDataLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  scales: Float64Array,
): Float64Array {
  const s = scoresOf(W, b, X);
  return scales.map((k) =>
    s.reduce((sum, v, i) => sum + Math.max(0, 1 - k * y[i] * v), 0) / s.length
  );
}

export function geometricMargin(W: Matrix, b: Matrix, X: Matrix, y: Float64Array): number {
  const s = scoresOf(W, b, X);
  return Math.min(...s.map((v, i) => y[i] * v)) / Math.hypot(...W.data);
}
