/**
 * The gradient is +y/N on violated margins: the sign is flipped (the value is right).
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
    const shortfall = 1 - y[i] * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = y[i] / n;
    }
  }
  return { loss: loss / n, dScores };
}
