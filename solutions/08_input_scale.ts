/**
 * # 08 · The effect of input scale (solution)
 *
 * dW = Xᵀ·dS for S = X·W, so dW(k·X) = k·dW(X) for a fixed dS. Standardizing each column
 * (mean 0, std 1 over the N rows, std dividing by N) removes the units of every feature.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** The weight gradient of `S = X·W`: dW = Xᵀ·dS (X N×D, dS N×C, dW D×C). */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  return X.T.matmul(dS);
}

/** Per-column standardization: Xn = (X − mean) / std, mean and std 1×D over the N rows. */
export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const mean = X.colSums().div(X.rows);
  const centred = X.sub(mean);
  const std = centred.square().colSums().div(X.rows).sqrt();
  return { Xn: centred.div(std), mean, std };
}
