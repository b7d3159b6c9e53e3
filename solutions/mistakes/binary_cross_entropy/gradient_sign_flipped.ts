/**
 * The gradient is (y − σ(s)) / N: the sign is flipped (the value is right).
 *
 * @module
 */
export * from "../../09_binary_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { BinaryCrossEntropyResult } from "../../09_binary_cross_entropy.ts";

export function binaryCrossEntropy(scores: Matrix, y: Float64Array): BinaryCrossEntropyResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const s = scores.data[i];
    loss += Math.max(s, 0) - y[i] * s + Math.log1p(Math.exp(-Math.abs(s)));
    const e = Math.exp(-Math.abs(s));
    dScores.data[i] = (y[i] - (s >= 0 ? 1 / (1 + e) : e / (1 + e))) / n;
  }
  return { loss: loss / n, dScores };
}
