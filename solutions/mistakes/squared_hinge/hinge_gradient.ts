/**
 * Kept the plain hinge's gradient (±1/N per violated term): the shortfall factor 2·u is missing.
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
      if (u > 0) {
        dScores.data[i * c + j] += 1 / n;
        dScores.data[i * c + y[i]] -= 1 / n;
      }
    }
  }
  return { loss: loss / n, dScores };
}
