/**
 * dW computed as dSᵀ·X: a C×D matrix, the transpose of the D×C gradient.
 *
 * @module
 */
export * from "../../11_multiclass_hinge.ts";
import type { Matrix } from "@gradkit/lib";
import { type LinearSvmResult, multiclassHingeLoss } from "../../11_multiclass_hinge.ts";

export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  const { loss, dScores } = multiclassHingeLoss(X.matmul(W), y);
  return { loss, dW: dScores.T.matmul(X) };
}
