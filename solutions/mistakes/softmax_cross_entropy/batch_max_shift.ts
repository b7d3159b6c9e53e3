/**
 * Shifts every score by the maximum of the whole batch instead of each row's own maximum: fine
 * while all rows sit at one level, exp(−2000) = 0 and log 0 for a row far below the top one.
 *
 * @module
 */

export * from "../../08_softmax_cross_entropy.ts";
import type { Matrix } from "@gradkit/lib";
import type { SoftmaxResult } from "../../08_softmax_cross_entropy.ts";

/** Softmax cross-entropy with one shift for the whole batch. */
export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows, c = scores.cols;
  const shifted = scores.sub(Math.max(...scores.data));
  const exps = shifted.exp();
  const sums = exps.rowSums();
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - shifted.data[i * c + y[i]];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * c + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
}
