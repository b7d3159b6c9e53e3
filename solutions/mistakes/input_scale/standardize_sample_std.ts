/**
 * Standardized with the sample standard deviation (dividing by N − 1 instead of N).
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** Standardization with std = √(Σ (x − mean)² / (N − 1)). */
export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const mean = X.colSums().div(X.rows);
  const centred = X.sub(mean);
  const std = centred.square().colSums().div(X.rows - 1).sqrt();
  return { Xn: centred.div(std), mean, std };
}
