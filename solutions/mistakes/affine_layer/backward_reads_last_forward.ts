/**
 * The forward stores X and W on the module and the backward reads them back from there, not
 * from its cache: right for one layer, wrong (or a shape error) for the first of two layers once
 * the second layer's forward has run.
 *
 * @module
 */

export * from "../../06_affine_layer.ts";
import type { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";

let lastX: Matrix | undefined;
let lastW: Matrix | undefined;

/** X·W + b; X and W are kept for the backward. */
export function affineForward(
  X: Matrix,
  W: Matrix,
  b: Matrix,
): { out: Matrix; cache: AffineCache } {
  lastX = X;
  lastW = W;
  return { out: X.matmul(W).add(b), cache: { X, W } };
}

/** The gradients, from the last forward's X and W. */
export function affineBackward(
  dout: Matrix,
  _cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  return { dX: dout.matmul(lastW!.T), dW: lastX!.T.matmul(dout), db: dout.colSums() };
}
