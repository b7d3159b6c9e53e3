/**
 * Adds 2λW into the data gradients in place and returns them: the caller's dataGrads are modified.
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
  let loss = dataLoss;
  weights.forEach((W, k) => {
    loss += lambda * W.dot(W);
    for (let i = 0; i < W.size; i++) dataGrads[k].data[i] += 2 * lambda * W.data[i];
  });
  return { loss, grads: dataGrads };
}
