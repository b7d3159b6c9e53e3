/**
 * Forgot the factor 2 of the square's derivative: dScores = −y·u / N (the value is right).
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
    loss += u * u;
    dScores.data[i] = (-y[i] * u) / n;
  }
  return { loss: loss / n, dScores };
}
