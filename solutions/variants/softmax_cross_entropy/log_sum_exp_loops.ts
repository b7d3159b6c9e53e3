/**
 * Correct, written differently: loops, log-sum-exp as m + log Σ exp(s − m) minus the raw
 * correct score, the probabilities summed backwards, 1/N on every row's loss.
 *
 * @module
 */
export * from "../../12_softmax_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../12_softmax_cross_entropy.ts";

export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows, c = scores.cols, s = scores.data;
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, s[i * c + j]);
    let sum = 0;
    for (let j = c - 1; j >= 0; j--) sum += Math.exp(s[i * c + j] - m);
    const lse = m + Math.log(sum);
    loss += (lse - s[i * c + y[i]]) / n;
    for (let j = 0; j < c; j++) {
      dScores.data[i * c + j] = (Math.exp(s[i * c + j] - lse) - (j === y[i] ? 1 : 0)) / n;
    }
  }
  return { loss, dScores };
}
