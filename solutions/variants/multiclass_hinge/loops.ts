/**
 * Correct, written differently: the hinge of each row summed backwards, 1/N on every term.
 *
 * @module
 */
export * from "../../15_multiclass_hinge.ts";
import { Matrix } from "@gradkit/lib";
import type { MulticlassHingeResult } from "../../15_multiclass_hinge.ts";

export function multiclassHingeLoss(scores: Matrix, y: Int32Array): MulticlassHingeResult {
  const n = scores.rows, c = scores.cols;
  const dScores = new Matrix(n, c);
  let loss = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = c - 1; j >= 0; j--) {
      if (j === y[i]) continue;
      const margin = scores.get(i, j) - scores.get(i, y[i]) + 1;
      if (margin > 0) {
        loss += margin / n;
        dScores.data[i * c + j] += 1 / n;
        dScores.data[i * c + y[i]] -= 1 / n;
      }
    }
  }
  return { loss, dScores };
}
