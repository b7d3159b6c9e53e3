/**
 * Divided the weight gradient by the size of the input (‖X‖), so it ignores the data's scale.
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** dW = Xᵀ·dS / ‖X‖: a "normalized" gradient that no longer grows with X. */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  const norm = Math.sqrt(X.square().sum());
  return X.T.matmul(dS).div(norm);
}
