// deno-lint-ignore-file no-unused-vars
/**
 * # 13 · Multiclass hinge (SVM) loss
 *
 * The binary hinge of exercise 14 wanted one score on the right side of 0 by a margin. With C
 * classes there is one score per class, and the multiclass SVM loss turns the same idea into a
 * race: the correct class's score should beat *every* other class's score by at least the
 * margin. Each wrong class that comes closer than that is charged for how far it intrudes:
 *
 *     Lᵢ = Σ_{j ≠ yᵢ} max(0, s[i, j] − s[i, yᵢ] + 1)
 *
 * One term per wrong class j. The term is 0 when s[i, yᵢ] ≥ s[i, j] + 1 (class j trails by at
 * least the margin) and grows linearly with the intrusion otherwise. The correct class is
 * **left out** of the sum: its own term would be max(0, s_y − s_y + 1) = 1 for every example,
 * a constant that adds 1 to the loss without ever changing the gradient. (So if your loss is
 * off by exactly 1, that is why.)
 *
 * ## The gradient
 *
 * Take one example and derive ∂Lᵢ/∂s[i, j] for every class j. Go term by term: a term of the
 * sum that is positive is a straight line in the scores it contains (which ones, with which
 * signs?), and a term that is 0 changes nothing for small moves. Then add up what all the
 * terms of the row give to each score; note that the correct class's score appears in every
 * term of its row. (At a term exactly equal to 0 there is a corner; this kit counts it as met.
 * The tests keep every term away from 0.)
 *
 * ## A linear classifier
 *
 * A linear classifier without bias scores a batch as S = X·W, with X N×D (one example per row)
 * and W D×C (one column of weights per class). To get the loss's gradient with respect to W,
 * chain the gradient with respect to S through the matrix product: you did exactly this for
 * the affine layer in exercise 09.
 *
 * ## The convention of this kit
 *
 * - `scores` is N×C, rows are examples; `y` is an `Int32Array` of N classes in 0..C−1.
 * - The margin is **1**, the sum runs over **j ≠ yᵢ** only.
 * - The loss is the **mean** over the N examples; the returned gradients are gradients of that
 *   mean, so they **already include the 1/N**.
 * - `linearSvmLoss` has **no bias** and **no regularization** (exercise 17 adds both).
 * - No input may be modified; return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (s: Matrix) => multiclassHingeLoss(s, y).loss;
 *     console.log(gradientCheck(f, scores.clone(), multiclassHingeLoss(scores, y).dScores).relError);
 *
 * A relative error around 1e-7 or less says your gradient is right; 1e-2 or more, that it is
 * not. Keep every margin term away from 0 by more than the step h: at a kink the check
 * compares your gradient with a slope across it (exercise 02's lesson).
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative (an array relative to its largest entry), which a float32
 * computation (`Float32Array`, `Math.fround`) misses by a factor of 100 or more.
 *
 * Return new matrices: nothing you return may share memory with an argument, with another
 * returned matrix or with what an earlier call returned (the grader checks).
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";

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
 * The multiclass hinge (SVM) loss with margin 1, averaged over the batch, and its gradient
 * with respect to the scores.
 *
 *     L = (1/N) · Σᵢ Σ_{j ≠ yᵢ} max(0, s[i, j] − s[i, yᵢ] + 1)
 *
 * @param scores N×C class scores, one row per example (not modified).
 * @param y N correct classes, each in 0..C−1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×C.
 *
 * @example One example, three classes (N = 1, C = 3)
 * ```ts
 * const { loss, dScores } = multiclassHingeLoss(Matrix.from([[3, 2.5, 1]]), Int32Array.of(0));
 * // class 1: max(0, 2.5 − 3 + 1) = 0.5   (violates: it trails by 0.5 only)
 * // class 2: max(0, 1 − 3 + 1)   = 0     (trails by 2: met)
 * // loss = 0.5; dScores is 1×3
 * ```
 */
export function multiclassHingeLoss(scores: Matrix, y: Int32Array): MulticlassHingeResult {
  return todo("multiclassHingeLoss");
}

/**
 * The multiclass hinge loss of a linear classifier without bias, scores = X·W, and its
 * gradient with respect to the weights. You may call {@linkcode multiclassHingeLoss} above.
 *
 *     S  = X · W                          (N×C)
 *     L  = multiclass hinge loss of S     (mean over N, margin 1)
 *     dW = ∂L/∂W                          (D×C, the shape of W)
 *
 * @param W D×C weights, one column per class (not modified).
 * @param X N×D inputs, one example per row (not modified).
 * @param y N correct classes, each in 0..C−1 (not modified).
 * @returns `{ loss, dW }` with `dW` D×C.
 *
 * @example Two examples, two features, three classes (N = 2, D = 2, C = 3)
 * ```ts
 * const W = Matrix.from([[1, 0, 0], [0, 1, 0]]);
 * const X = Matrix.from([[2, 1.5], [0, 0]]);
 * const { loss, dW } = linearSvmLoss(W, X, Int32Array.of(0, 2));
 * // S = [[2, 1.5, 0], [0, 0, 0]]
 * // row 0 (y = 0): class 1 gives 0.5, class 2 gives 0     → 0.5
 * // row 1 (y = 2): classes 0 and 1 give 1 each            → 2
 * // loss = (0.5 + 2) / 2 = 1.25; dW is 2×3, like W
 * ```
 */
export function linearSvmLoss(W: Matrix, X: Matrix, y: Int32Array): LinearSvmResult {
  return todo("linearSvmLoss");
}
