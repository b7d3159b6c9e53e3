/**
 * # 08 · The effect of input scale (solution)
 *
 * dW = Xᵀ·dS for S = X·W, so dW(k·X) = k·dW(X) for a fixed dS. Standardizing each column
 * (mean 0, std 1 over the N rows, std dividing by N) removes the units of every feature.
 * Training s = X·w on the mean squared error: dS = 2·(s − y)/N, dw = Xᵀ·dS; on k·X the run
 * with η/k² retraces the run on X with η (w' = w/k).
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

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

/** The settings of {@linkcode trainLinearRegression}. */
export interface RegressionOptions {
  learningRate: number;
  steps: number;
}

/** Gradient descent on mean (X·w − y)² from w = 0 (X N×D, y N×1, w D×1), losses before updates. */
export function trainLinearRegression(
  X: Matrix,
  y: Matrix,
  options: RegressionOptions,
): { w: Matrix; losses: number[] } {
  let w = Matrix.zeros(X.cols, 1);
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const residual = X.matmul(w).sub(y);
    losses.push(residual.square().sum() / X.rows);
    const dS = residual.mul(2 / X.rows);
    w = w.sub(weightGradient(X, dS).mul(options.learningRate));
  }
  return { w, losses };
}
