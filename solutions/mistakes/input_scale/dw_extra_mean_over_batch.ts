/**
 * Averaged over the batch a second time: dW = Xᵀ·dS / N (the 1/N is already inside dS).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** dW with an extra 1/N. */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  return X.T.matmul(dS).div(X.rows);
}
