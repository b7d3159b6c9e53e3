/**
 * dW accumulated example by example and never divided by N (the loss is divided, the gradient not).
 *
 * @module
 */
export * from "../../11_multiclass_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { LinearSvmResult } from "../../11_multiclass_hinge.ts";

export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  const n = X.rows, d = X.cols, c = W.cols;
  const scores = X.matmul(W);
  const dW = new Matrix(d, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const correct = scores.get(i, y[i]);
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const margin = scores.get(i, j) - correct + 1;
      if (margin > 0) {
        loss += margin;
        for (let k = 0; k < d; k++) {
          dW.data[k * c + j] += X.get(i, k);
          dW.data[k * c + y[i]] -= X.get(i, k);
        }
      }
    }
  }
  return { loss: loss / n, dW };
}
