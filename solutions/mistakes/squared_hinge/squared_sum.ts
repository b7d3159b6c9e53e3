/**
 * Squared each row's sum of shortfalls, (Σⱼ uⱼ)², instead of summing the squares Σⱼ uⱼ².
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
    let rowSum = 0;
    for (let j = 0; j < c; j++) {
      if (j !== y[i]) rowSum += Math.max(0, s[i * c + j] - correct + 1);
    }
    loss += rowSum * rowSum;
    for (let j = 0; j < c; j++) {
      if (j === y[i] || s[i * c + j] - correct + 1 <= 0) continue;
      dScores.data[i * c + j] += (2 * rowSum) / n;
      dScores.data[i * c + y[i]] -= (2 * rowSum) / n;
    }
  }
  return { loss: loss / n, dScores };
}
