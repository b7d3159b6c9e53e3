/**
 * Treated the labels as 0/1 and mapped them to ±1 with 2y − 1: a −1 label becomes −3.
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
    const sign = 2 * y[i] - 1; // meant to turn a 0/1 label into −1/+1
    const shortfall = 1 - sign * scores.data[i];
    if (shortfall > 0) {
      loss += shortfall;
      dScores.data[i] = -sign / n;
    }
  }
  return { loss: loss / n, dScores };
}
