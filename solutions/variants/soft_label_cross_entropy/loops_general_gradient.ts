/**
 * Correct, written differently: loops; each row's loss as Σⱼ tⱼ · (log Σ exp(s − m) + m − sⱼ)
 * with the target row's total kept in the gradient (p · Σt − t, the same as p − t when the row
 * sums to 1); the likelihood's logs summed in one log per block of 50 factors (a product that
 * cannot underflow).
 *
 * @module
 */
export * from "../../13_soft_label_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { SoftLabelResult } from "../../13_soft_label_cross_entropy.ts";

export function softLabelCrossEntropy(scores: Matrix, targets: Matrix): SoftLabelResult {
  const n = scores.rows, c = scores.cols, s = scores.data, t = targets.data;
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, s[i * c + j]);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(s[i * c + j] - m);
    const lse = m + Math.log(sum);
    let mass = 0;
    for (let j = 0; j < c; j++) {
      const tj = t[i * c + j];
      mass += tj;
      if (tj > 0) loss += tj * (lse - s[i * c + j]) / n;
    }
    for (let j = 0; j < c; j++) {
      const p = Math.exp(s[i * c + j] - lse);
      dScores.data[i * c + j] = (p * mass - t[i * c + j]) / n;
    }
  }
  return { loss, dScores };
}

export function negativeLogLikelihood(probs: Matrix, y: Int32Array): number {
  const n = probs.rows;
  let total = 0;
  for (let start = 0; start < n; start += 50) {
    let block = 1;
    for (let i = start; i < Math.min(n, start + 50); i++) block *= probs.get(i, y[i]);
    total += Math.log(block);
  }
  return -total / n;
}
