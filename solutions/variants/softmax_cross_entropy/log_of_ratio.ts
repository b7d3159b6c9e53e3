/**
 * Correct, written differently: each row's loss as log(Σ exp(s − s_y)) (shifted by the correct
 * score, then by the max for safety), dScores as p/N − onehot/N.
 *
 * @module
 */
export * from "../../12_softmax_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../12_softmax_cross_entropy.ts";

export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows, c = scores.cols;
  const max = scores.rowMax();
  const p = scores.sub(max).exp();
  const sums = p.rowSums();
  const probs = p.div(sums);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const m = max.data[i], sy = scores.get(i, y[i]);
    // log Σ exp(s_j − s_y) = (m − s_y) + log Σ exp(s_j − m)
    total += (m - sy) + Math.log(sums.data[i]);
  }
  const dScores = probs.div(n);
  for (let i = 0; i < n; i++) dScores.data[i * c + y[i]] -= 1 / n;
  return { loss: total / n, dScores };
}
