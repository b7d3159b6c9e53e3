/**
 * The bias is regularized too: λ·Σb² is added to the loss and 2λb to db.
 *
 * @module
 */
export * from "../../13_l2_regularization.ts";
import type { Matrix } from "@gradkit/lib";
import { multiclassHingeLoss } from "../../11_multiclass_hinge.ts";
import type { RegularizedSvmResult } from "../../13_l2_regularization.ts";

export function regularizedLinearSvm(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Int32Array,
  lambda: number,
): RegularizedSvmResult {
  const data = multiclassHingeLoss(X.matmul(W).add(b), y);
  return {
    loss: data.loss + lambda * (W.dot(W) + b.dot(b)),
    dW: X.T.matmul(data.dScores).add(W.mul(2 * lambda)),
    db: data.dScores.colSums().add(b.mul(2 * lambda)),
  };
}
