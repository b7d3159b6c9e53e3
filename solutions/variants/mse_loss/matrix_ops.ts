/**
 * Correct, written differently: matrix operations, the mean of the row sums.
 *
 * @module
 */
export * from "../../08_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../08_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const diff = pred.sub(target);
  return { loss: diff.square().rowSums().mean(), dPred: diff.mul(2).div(pred.rows) };
}
