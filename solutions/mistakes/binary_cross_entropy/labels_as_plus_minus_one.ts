/**
 * Used the ±1-label logistic loss log(1 + e^(−y·s)) with 0/1 labels: a 0 label costs log 2 always.
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
    const m = y[i] * scores.data[i];
    loss += Math.max(-m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    // d/ds log(1 + e^(−y·s)) = −y·σ(−y·s)
    dScores.data[i] = (-y[i] / (1 + Math.exp(m))) / n;
  }
  return { loss: loss / n, dScores };
}
