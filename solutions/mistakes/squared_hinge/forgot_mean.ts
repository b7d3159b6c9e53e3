/**
 * Forgot the 1/N: loss and dScores are summed over the batch instead of averaged.
 *
 * @module
 */
export * from "../../12_squared_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { SquaredHingeResult } from "../../12_squared_hinge.ts";

export function multiclassSquaredHingeLoss(scores: Matrix, y: Int32Array): SquaredHingeResult {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const correct = s[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const u = Math.max(0, s[i * c + j] - correct + 1);
      loss += u * u;
      dScores.data[i * c + j] += 2 * u;
      dScores.data[i * c + y[i]] -= 2 * u;
    }
  }
  return { loss, dScores };
}
