/**
 * Used one standard deviation for the whole matrix instead of one per column.
 *
 * @module
 */
import { Matrix } from "@gradkit/lib";
export * from "../../14_input_scale.ts";

/** Per-column means, but a single std over every entry. */
export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const mean = X.colSums().div(X.rows);
  const centred = X.sub(mean);
  const s = Math.sqrt(centred.square().mean());
  const std = Matrix.full(1, X.cols, s);
  return { Xn: centred.div(s), mean, std };
}
