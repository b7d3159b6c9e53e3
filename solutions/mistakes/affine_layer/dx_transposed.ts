/**
 * Transposed input gradient: dX = W·doutᵀ (D×N instead of N×D).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The backward pass with dX the transpose of the right one. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: W.matmul(dout.T),
    dW: X.T.matmul(dout),
    db: dout.colSums(),
  };
}
