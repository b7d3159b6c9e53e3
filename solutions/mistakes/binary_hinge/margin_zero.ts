/**
 * Used margin 0, max(0, −y·s) (the perceptron loss): examples just past the boundary cost nothing.
 *
 * @module
 */
export * from "../../10_binary_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { BinaryHingeResult } from "../../10_binary_hinge.ts";

export function binaryHingeLoss(scores: Matrix, y: Float64Array): BinaryHingeResult {
  const n = scores.rows;
  const dScores = new Matrix(n, 1);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const shortfall = -y[i] * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -y[i] / n;
    }
  }
  return { loss: loss / n, dScores };
}
