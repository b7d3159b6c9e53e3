/**
 * Took log σ(s) and log(1 − σ(s)) directly: σ rounds to 0 or 1 at |s| ≈ 1000 and log gives −Infinity.
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
    const p = 1 / (1 + Math.exp(-scores.data[i]));
    loss -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
    dScores.data[i] = (p - y[i]) / n;
  }
  return { loss: loss / n, dScores };
}
