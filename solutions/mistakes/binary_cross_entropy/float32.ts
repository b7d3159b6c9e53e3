/**
 * Computed in float32 (Math.fround after every operation), with the stable formula: about 7
 * significant digits, where the kit requires float64.
 *
 * @module
 */

export * from "../../09_binary_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { BinaryCrossEntropyResult } from "../../09_binary_cross_entropy.ts";

const f = Math.fround;

/** The right formula, in single precision. */
export function binaryCrossEntropy(scores: Matrix, y: Float64Array): BinaryCrossEntropyResult {
  const n = scores.rows;
  let loss = 0;
  const dScores = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const s = f(scores.data[i]);
    const term = f(f(f(Math.max(s, 0)) - f(y[i] * s)) + f(Math.log1p(f(Math.exp(-Math.abs(s))))));
    loss = f(loss + term);
    const sig = s >= 0 ? f(1 / f(1 + f(Math.exp(-s)))) : f(f(Math.exp(s)) / f(1 + f(Math.exp(s))));
    dScores.data[i] = f(f(sig - y[i]) / n);
  }
  return { loss: f(loss / n), dScores };
}
