/**
 * Forgot the 1/N: loss and dScores are summed over the batch instead of averaged.
 *
 * @module
 */
export * from "../../11_multiclass_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { MulticlassHingeResult } from "../../11_multiclass_hinge.ts";

export function multiclassHingeLoss(scores: Matrix, y: Int32Array): MulticlassHingeResult {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const correct = s[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const margin = s[i * c + j] - correct + 1;
      if (margin > 0) {
        loss += margin;
        dScores.data[i * c + j] += 1;
        dScores.data[i * c + y[i]] -= 1;
      }
    }
  }
  return { loss, dScores };
}
