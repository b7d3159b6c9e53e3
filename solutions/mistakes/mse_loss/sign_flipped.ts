/**
 * Gradient with the sign flipped: differentiated with respect to the target, (2/N)·(t − p).
 *
 * @module
 */
export * from "../../07_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../07_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const n = pred.rows;
  return { loss: pred.sub(target).square().sum() / n, dPred: target.sub(pred).mul(2 / n) };
}
