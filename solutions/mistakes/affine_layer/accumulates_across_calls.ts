/**
 * Accumulated into gradient buffers kept between calls (+= without resetting them to zero).
 *
 * @module
 */
import { Matrix } from "@gradkit/lib";
import type { AffineCache } from "../../06_affine_layer.ts";
export * from "../../06_affine_layer.ts";

let buffers: { dX: Matrix; dW: Matrix; db: Matrix } | undefined;

function sameShape(a: Matrix, rows: number, cols: number): boolean {
  return a.rows === rows && a.cols === cols;
}

/** The backward pass adding into buffers that survive from one call to the next. */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  const { X, W } = cache;
  if (
    !buffers || !sameShape(buffers.dX, X.rows, X.cols) || !sameShape(buffers.dW, W.rows, W.cols)
  ) {
    buffers = {
      dX: Matrix.zeros(X.rows, X.cols),
      dW: Matrix.zeros(W.rows, W.cols),
      db: Matrix.zeros(1, W.cols),
    };
  }
  buffers.dX = buffers.dX.add(dout.matmul(W.T));
  buffers.dW = buffers.dW.add(X.T.matmul(dout));
  buffers.db = buffers.db.add(dout.colSums());
  return buffers;
}
