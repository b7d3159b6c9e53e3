/**
 * λ divided by N: the penalty is (λ/N)·Σw² and its gradient (2λ/N)·W, as if it were averaged with the data.
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
  const n = X.rows;
  const data = multiclassHingeLoss(X.matmul(W).add(b), y);
  return {
    loss: data.loss + (lambda / n) * W.dot(W),
    dW: X.T.matmul(data.dScores).add(W.mul((2 * lambda) / n)),
    db: data.dScores.colSums(),
  };
}
