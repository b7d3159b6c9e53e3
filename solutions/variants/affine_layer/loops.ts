/**
 * Correct, written differently: loops, the bias added first, sums taken backwards.
 *
 * @module
 */
export * from "../../09_affine_layer.ts";
import { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../09_affine_layer.ts";

export function affineForward(
  X: Matrix,
  W: Matrix,
  b: Matrix,
): { out: Matrix; cache: AffineCache } {
  const n = X.rows, d = X.cols, h = W.cols;
  const out = new Matrix(n, h);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) {
      let s = 0;
      for (let k = d - 1; k >= 0; k--) s += X.data[i * d + k] * W.data[k * h + j];
      out.data[i * h + j] = b.data[j] + s;
    }
  }
  return { out, cache: { X, W } };
}
