/**
 * Softmax without the max shift: exp overflows to Infinity (or underflows to 0) at scores ±1000.
 *
 * @module
 */
export * from "../../08_softmax_cross_entropy.ts";
import type { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../08_softmax_cross_entropy.ts";

export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows;
  const exps = scores.exp();
  const probs = exps.div(exps.rowSums());
  const correct = probs.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= Math.log(correct[i]);
  const dScores = probs.clone();
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
}
