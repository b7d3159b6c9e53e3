/**
 * The weight decay 2λW is added to the gradients but the penalty is left out of the returned loss.
 *
 * @module
 */
export * from "../../13_l2_regularization.ts";
import type { Matrix } from "@gradkit/lib";
import type { TotalLossResult } from "../../13_l2_regularization.ts";

export function totalLoss(
  dataLoss: number,
  dataGrads: Matrix[],
  weights: Matrix[],
  lambda: number,
): TotalLossResult {
  return { loss: dataLoss, grads: weights.map((W, k) => dataGrads[k].add(W.mul(2 * lambda))) };
}
