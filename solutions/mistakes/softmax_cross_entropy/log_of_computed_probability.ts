/**
 * Loss as −log of the computed probability: exp underflows to 0 when the correct score is far
 * below the best one, and the loss becomes Infinity.
 *
 * @module
 */

import type { KnownMistake } from "../../../grader/known_mistakes.ts";

export const mistake: KnownMistake = {
  kind: "overflow",
  patch: [
    {
      solution: `
export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  const n = scores.rows;
  const shifted = scores.sub(scores.rowMax());
  const exps = shifted.exp();
  const sums = exps.rowSums();
  const logSums = sums.log();
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += logSums.data[i] - correct[i];
  const dScores = exps.div(sums);
  for (let i = 0; i < n; i++) dScores.data[i * scores.cols + y[i]] -= 1;
  return { loss: loss / n, dScores: dScores.div(n) };
`,
      learner: `
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
`,
    },
  ],
};
