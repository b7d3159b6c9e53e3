/**
 * The gradient is the probabilities over N: the −1 at the correct class was never subtracted.
 *
 * @module
 */
export * from "../../08_softmax_cross_entropy.ts";
import type { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../08_softmax_cross_entropy.ts";

export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - correct[i];
  return { loss: loss / n, dScores: exps.div(sums).div(n) };
}
