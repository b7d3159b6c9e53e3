/**
 * Loss as −log of the computed probability: exp underflows to 0 when the correct score is far
 * below the best one, and the loss becomes Infinity.
 *
 * @module
 */
export * from "../../08_softmax_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
export function softmaxCrossEntropy(
  scores: Matrix,
  y: Int32Array,
): { loss: number; dScores: Matrix } {
  const n = scores.rows, c = scores.cols;
  const p = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, scores.get(i, j));
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(scores.get(i, j) - max);
    for (let j = 0; j < c; j++) p.set(i, j, Math.exp(scores.get(i, j) - max) / sum);
    loss -= Math.log(p.get(i, y[i]));
  }
  const d = p.clone();
  for (let i = 0; i < n; i++) d.set(i, y[i], d.get(i, y[i]) - 1);
  return { loss: loss / n, dScores: d.div(n) };
}
