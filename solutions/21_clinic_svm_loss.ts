/**
 * # Clinic · A multiclass SVM loss that trains too fast
 *
 * A debugging clinic: this file is not a stub to fill in. It is a complete multiclass hinge
 * (SVM) loss and a linear classifier built on it, and it has bugs in it. Find them with a
 * gradient check and by comparing values you can work out by hand, fix them, and leave the
 * rest as it is.
 *
 * The loss is the one of the multiclass hinge exercise: for example i with correct class yᵢ,
 *
 *     Lᵢ = Σ_{j ≠ yᵢ} max(0, s[i, j] − s[i, yᵢ] + 1)        L = (1/N) · Σᵢ Lᵢ
 *
 * and `linearSvmLoss` scores a batch as S = X·W (no bias, no regularization) and returns the
 * same loss with its gradient with respect to W.
 *
 * ## How to find the bugs
 *
 * 1. Run the grader and read what it says. A gradient that is right "up to a constant factor"
 *    and a loss that is off by the same amount in every test are two different clues.
 * 2. Compute the loss by hand on a tiny batch: one row, three classes, scores [3, 2.5, 1],
 *    correct class 0. The loss should be 0.5. What does this file return?
 * 3. Check `dScores` against a numerical gradient with your own gradient check (import it from
 *    `./02_gradient_check.ts`, or write the loop again in a scratch file), on a batch with N ≠ C.
 *    Then check `dW` the same way.
 * 4. A bug may change the value and leave the gradient right, or the other way round: test
 *    both after every fix.
 *
 * ## Conventions (as in the multiclass hinge exercise)
 *
 * - `scores` is N×C, rows are examples; `y` is an `Int32Array` of N classes in 0..C−1.
 * - The margin is 1, and the sum runs over the wrong classes only.
 * - The loss is the MEAN over the N examples, and the returned gradients are gradients of
 *   that mean. A term exactly at 0 counts as met; the tests keep every term away from 0.
 * - No input may be modified; return new values.
 * - The backward is derived: a gradient computed by finite differences of the forward is
 *   flagged, however close it comes.
 *
 * ## Precision
 *
 * Compute in float64: values must match the grader's reference to 1e-10 relative. Return new
 * matrices: nothing you return may share memory with an argument or with an earlier result.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode multiclassHingeLoss} returns. */
export interface MulticlassHingeResult {
  /** The mean multiclass hinge loss over the batch. */
  loss: number;
  /** Its gradient with respect to the scores, N×C. */
  dScores: Matrix;
}

/** What {@linkcode linearSvmLoss} returns. */
export interface LinearSvmResult {
  /** The mean multiclass hinge loss of the scores X·W. */
  loss: number;
  /** Its gradient with respect to W, D×C. */
  dW: Matrix;
}

/**
 * The mean multiclass hinge loss of a batch of scores and its gradient (the bugs fixed).
 *
 * @param scores N×C, one row of class scores per example
 * @param y the N correct classes, each in 0..C−1
 * @returns `loss` (a number) and `dScores` (N×C)
 *
 * @example
 * ```ts
 * const { loss, dScores } = multiclassHingeLoss(Matrix.from([[3, 2.5, 1]]), Int32Array.of(0));
 * // loss should be 0.5
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
 * The mean multiclass hinge loss of a linear classifier without bias, S = X·W, and its
 * gradient with respect to W.
 *
 * @param W D×C weights, one column per class
 * @param X N×D batch, one example per row
 * @param y the N correct classes
 * @returns `loss` and `dW` (D×C)
 *
 * @example
 * ```ts
 * const { loss, dW } = linearSvmLoss(W, X, y);
 * ```
 */
export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  const { loss, dScores } = multiclassHingeLoss(X.matmul(W), y);
  return { loss, dW: X.T.matmul(dScores) };
}
