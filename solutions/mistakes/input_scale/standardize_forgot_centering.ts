/**
 * Divided by the standard deviation but forgot to subtract the mean: Xn = X / std.
 *
 * @module
 */
import type { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** Scaling without centring. */
export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const mean = X.colSums().div(X.rows);
  const std = X.sub(mean).square().colSums().div(X.rows).sqrt();
  return { Xn: X.div(std), mean, std };
}
