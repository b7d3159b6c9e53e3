/**
 * The loss is summed over the batch instead of averaged (the gradient is right).
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
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss, dScores: dScores.div(n) };
}
