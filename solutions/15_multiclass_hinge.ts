/**
 * # 13 · Multiclass hinge (SVM) loss (solution)
 *
 * L = (1/N) · Σᵢ Σ_{j ≠ yᵢ} max(0, s[i, j] − s[i, yᵢ] + 1). A violating class gets +1/N, the
 * correct class −(violations in its row)/N. For S = X·W (no bias, no regularization),
 * dW = Xᵀ · dS.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode multiclassHingeLoss} returns. */
export interface MulticlassHingeResult {
  /** The mean multiclass hinge loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×C, already divided by N. */
  dScores: Matrix;
}

/** What {@linkcode linearSvmLoss} returns. */
export interface LinearSvmResult {
  /** The mean multiclass hinge loss of the scores X·W. */
  loss: number;
  /** ∂loss/∂W, D×C (the shape of W), already divided by N. */
  dW: Matrix;
}

/**
 * The mean multiclass hinge loss (margin 1, sum over j ≠ y) of N×C scores, and its gradient.
 *
 * @example
 * ```ts
 * multiclassHingeLoss(Matrix.from([[3, 2.5, 1]]), Int32Array.of(0)).loss; // 0.5
 * ```
 */
export function multiclassHingeLoss(scores: Matrix, y: Int32Array): MulticlassHingeResult {
  const { rows: n, cols: c } = scores;
  const s = scores.data;
  const dScores = new Matrix(n, c);
  const d = dScores.data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = i * c;
    const correct = s[row + y[i]];
    let violations = 0;
    for (let j = 0; j < c; j++) {
      if (j === y[i]) continue;
      const margin = s[row + j] - correct + 1;
      if (margin > 0) {
        loss += margin;
        d[row + j] = 1 / n;
        violations++;
      }
    }
    d[row + y[i]] = -violations / n;
  }
  return { loss: loss / n, dScores };
}

/**
 * The mean multiclass hinge loss of a linear classifier's scores X·W, and ∂loss/∂W = Xᵀ·dS.
 *
 * @example
 * ```ts
 * const W = Matrix.from([[1, 0, 0], [0, 1, 0]]);
 * linearSvmLoss(W, Matrix.from([[2, 1.5], [0, 0]]), Int32Array.of(0, 2)).loss; // 1.25
 * ```
 */
export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  const { loss, dScores } = multiclassHingeLoss(X.matmul(W), y);
  return { loss, dW: X.T.matmul(dScores) };
}
