/**
 * Shifted the scores for the probabilities but took −log p from the unshifted exp in the loss.
 *
 * @module
 */
export * from "../../08_softmax_cross_entropy.ts";
import type { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../08_softmax_cross_entropy.ts";

export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows;
  const exps = scores.sub(scores.rowMax()).exp();
  const probs = exps.div(exps.rowSums());
  const raw = scores.exp();
  const rawSums = raw.rowSums();
  let loss = 0;
  for (let i = 0; i < n; i++) {
    loss -= Math.log(raw.data[i * scores.cols + y[i]] / rawSums.data[i]);
  }
  const dScores = probs.clone();
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
}
