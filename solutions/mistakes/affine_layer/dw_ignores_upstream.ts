/**
 * Forgot the upstream gradient in dW: dW = Xᵀ·1 (as if dout were all ones).
 *
 * @module
 */
import { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The backward pass with dW built from the local derivative only. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(Matrix.full(dout.rows, dout.cols, 1)),
    db: dout.colSums(),
  };
}
