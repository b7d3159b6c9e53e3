/**
 * Averaged the bias gradient instead of summing it: db = column means of dout.
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

/** The backward pass with db = mean of dout over the rows. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout),
    db: dout.colSums().div(dout.rows),
  };
}
