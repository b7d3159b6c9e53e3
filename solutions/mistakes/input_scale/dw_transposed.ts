/**
 * Multiplied in the wrong order: dW = dSᵀ·X (C×D instead of D×C).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** The transpose of the right weight gradient. */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  return dS.T.matmul(X);
}
