/**
 * Forgot the 1/N: the squared errors are summed over the batch instead of averaged.
 *
 * @module
 */
export * from "../../07_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../07_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const diff = pred.sub(target);
  return { loss: diff.square().sum(), dPred: diff.mul(2) };
}
