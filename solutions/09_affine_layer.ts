/**
 * # 07 · The affine layer on a batch (solution)
 *
 * out = X·W + b (b added to every row); backward: dX = dout·Wᵀ, dW = Xᵀ·dout,
 * db = column sums of dout. Rows are examples; nothing is averaged; inputs are left unchanged.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** What `affineForward` keeps for `affineBackward`: the inputs the gradients need. */
export interface AffineCache {
  /** The input batch, N×D. */
  X: Matrix;
  /** The weights, D×H. */
  W: Matrix;
}

/** The forward pass: `out = X·W + b` (X N×D, W D×H, b 1×H, out N×H). */
export function affineForward(
  X: Matrix,
  W: Matrix,
  b: Matrix,
): { out: Matrix; cache: AffineCache } {
  const out = X.matmul(W).add(b);
  return { out, cache: { X, W } };
}

/** The backward pass: dX = dout·Wᵀ (N×D), dW = Xᵀ·dout (D×H), db = column sums of dout (1×H). */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  return {
    dX: dout.matmul(W.T),
    dW: X.T.matmul(dout),
    db: dout.colSums(),
  };
}
