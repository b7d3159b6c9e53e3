/**
 * Correct, written differently: y·softplus(−s) + (1 − y)·softplus(s), softplus(t) =
 * max(t, 0) + log1p(exp(−|t|)); σ by the stable two-branch formula; 1/N per term.
 *
 * @module
 */
export * from "../../11_binary_cross_entropy.ts";
import { Matrix } from "@gradkit/lib";
import type { BinaryCrossEntropyResult } from "../../11_binary_cross_entropy.ts";

const softplus = (t: number) => Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
const sigmoid = (s: number) => s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s));

export function binaryCrossEntropy(scores: Matrix, y: Float64Array): BinaryCrossEntropyResult {
  const n = scores.rows;
  let loss = 0;
  const dScores = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const s = scores.data[i];
    loss += (y[i] * softplus(-s) + (1 - y[i]) * softplus(s)) / n;
    dScores.data[i] = (sigmoid(s) - y[i]) / n;
  }
  return { loss, dScores };
}
