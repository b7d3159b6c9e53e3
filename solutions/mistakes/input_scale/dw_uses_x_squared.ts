/**
 * Used the derivative of a square instead of the product's: dW = (X ⊙ X)ᵀ·dS.
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** dW built from the squared data. */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  return X.square().T.matmul(dS);
}
