/**
 * The value is right but the gradient lost the 2 that the square brings down: (p − t)/N.
 *
 * @module
 */
export * from "../../07_mse_loss.ts";
import type { Matrix } from "@gradkit/lib";
import type { MseResult } from "../../07_mse_loss.ts";

export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const n = pred.rows;
  const diff = pred.sub(target);
  return { loss: diff.square().sum() / n, dPred: diff.div(n) };
}
