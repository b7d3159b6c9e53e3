/**
 * Correct, written differently: loops over the columns first, 1/N applied to every term.
 *
 * @module
 */
export * from "../../08_mse_loss.ts";
import { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../08_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const n = pred.rows, k = pred.cols;
  const dPred = new Matrix(n, k);
  let loss = 0;
  for (let j = k - 1; j >= 0; j--) {
    for (let i = n - 1; i >= 0; i--) {
      const d = pred.get(i, j) - target.get(i, j);
      loss += (d * d) / n;
      dPred.set(i, j, (2 / n) * d);
    }
  }
  return { loss, dPred };
}
