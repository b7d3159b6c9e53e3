/**
 * Gradient −y/N on every example, also those whose margin is met (the max's mask is dropped).
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
    loss += Math.max(0, 1 - y[i] * scores.data[i]);
    dScores.data[i] = -y[i] / n;
  }
  return { loss: loss / n, dScores };
}
