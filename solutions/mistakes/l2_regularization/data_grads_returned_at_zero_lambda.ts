/**
 * With λ = 0 there is nothing to add, so totalLoss returns the caller's dataGrads array itself:
 * the right values, but the gradients it returns are the caller's inputs.
 *
 * @module
 */

export * from "../../13_l2_regularization.ts";
import type { Matrix } from "@gradkit/lib";
import { l2Penalty, type TotalLossResult } from "../../13_l2_regularization.ts";

/** The penalized loss; the data gradients themselves when λ = 0. */
export function totalLoss(
  dataLoss: number,
  dataGrads: Matrix[],
  weights: Matrix[],
  lambda: number,
): TotalLossResult {
  if (lambda === 0) return { loss: dataLoss, grads: dataGrads };
  let loss = dataLoss;
  const grads = weights.map((W, k) => {
    const p = l2Penalty(W, lambda);
    loss += p.loss;
    return dataGrads[k].add(p.dW);
  });
  return { loss, grads };
}
