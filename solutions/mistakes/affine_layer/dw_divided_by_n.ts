/**
 * Averaged the weight gradient over the batch: dW = Xᵀ·dout / N (the 1/N belongs to the loss).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The backward pass with an extra 1/N in dW. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout).div(X.rows),
    db: dout.colSums(),
  };
}
