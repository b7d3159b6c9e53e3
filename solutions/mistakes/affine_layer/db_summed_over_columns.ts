/**
 * Summed the bias gradient over the wrong axis: db = row sums of dout (N×1 instead of 1×H).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The backward pass with db summed along each row. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout),
    db: dout.rowSums(),
  };
}
