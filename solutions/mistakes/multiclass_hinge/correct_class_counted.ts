/**
 * The correct class is counted in the sum: every example adds max(0, 1) = 1 to the loss.
 *
 * The gradient is right (the extra term is a constant); only the value is off, by exactly 1.
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
  const d = dScores.data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const correct = s[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      const margin = s[i * c + j] - correct + 1;
      if (margin > 0) {
        loss += margin;
        d[i * c + j] += 1 / n;
        d[i * c + y[i]] -= 1 / n;
      }
    }
  }
  return { loss: loss / n, dScores };
}
