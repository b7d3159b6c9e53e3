/**
 * Put a ½ in front, L = (1/N)·Σ ½·u², with the matching gradient −y·u / N: the kit's loss has no ½.
 *
 * @module
 */
export * from "../../12_squared_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { SquaredHingeResult } from "../../12_squared_hinge.ts";

export function binarySquaredHingeLoss(scores: Matrix, y: Float64Array): SquaredHingeResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const u = Math.max(0, 1 - y[i] * scores.data[i]);
    loss += 0.5 * u * u;
    dScores.data[i] = (-y[i] * u) / n;
  }
  return { loss: loss / n, dScores };
}
