/**
 * Averaged over all N·K elements instead of over the N examples (differs when K > 1).
 *
 * @module
 */
export * from "../../07_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../07_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const diff = pred.sub(target);
  return { loss: diff.square().mean(), dPred: diff.mul(2 / diff.size) };
}
