// deno-lint-ignore-file no-unused-vars
/**
 * # 14 · Squared hinge loss
 *
 * The hinge losses of exercises 14 and 15 charge a margin shortfall linearly: falling short by
 * 0.1 costs 0.1, falling short by 5 costs 5. The squared hinge charges the *square* of each
 * shortfall instead. Two things change:
 *
 * - Small shortfalls (below 1) become cheaper (0.1 costs 0.01) and large ones much dearer (5
 *   costs 25): the model cares most about its worst offenders, a bit like MSE compared with
 *   an absolute error.
 * - The corner disappears. A linear hinge's slope jumps at the margin; the square of
 *   max(0, ·) meets the flat zero side smoothly, so the loss has no corner there. Check this
 *   with the gradient you derive: what is it just inside the margin, and just outside?
 *
 * ## The chain rule, once more
 *
 * Write u = max(0, m) for a margin term m: the loss term is u². Derive d(u²)/dm by the chain
 * rule (an outer square, an inner max that you know from exercises 04 and 14), then reuse the
 * bookkeeping of exercises 14 and 15 for which scores each term contains. Note the square is
 * taken **per term, before the sum**: for the multiclass version, Σⱼ max(0, mⱼ)² is not
 * (Σⱼ max(0, mⱼ))².
 *
 * ## The convention of this kit
 *
 * Binary (scores N×1, labels `y` a `Float64Array` of **−1/+1**, margin 1):
 *
 *     L = (1/N) · Σᵢ max(0, 1 − yᵢ·sᵢ)²
 *
 * Multiclass (scores N×C, `y` an `Int32Array` of classes in 0..C−1, margin 1, j ≠ yᵢ only):
 *
 *     L = (1/N) · Σᵢ Σ_{j ≠ yᵢ} max(0, s[i, j] − s[i, yᵢ] + 1)²
 *
 * - **No ½ in front**: each term is the plain square of its shortfall.
 * - The loss is the **mean** over the N examples (rows are examples), and `dScores` is the
 *   gradient of that mean, so it **already includes the 1/N**.
 * - No input may be modified; return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (s: Matrix) => multiclassSquaredHingeLoss(s, y).loss;
 *     const { dScores } = multiclassSquaredHingeLoss(scores, y);
 *     console.log(gradientCheck(f, scores.clone(), dScores).relError);
 *
 * A relative error around 1e-7 or less says your gradient is right; 1e-2 or more, that it is
 * not (exercise 02 covers what lies between). Use shapes that all differ, as the grader does.
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

/** What both squared hinge losses return. */
export interface SquaredHingeResult {
  /** The mean squared hinge loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, the shape of the scores, already divided by N. */
  dScores: Matrix;
}

/**
 * The binary squared hinge loss (labels ±1, margin 1), averaged over the batch, and its
 * gradient with respect to the scores.
 *
 *     uᵢ         = max(0, 1 − yᵢ·sᵢ)
 *     L          = (1/N) · Σᵢ uᵢ²
 *     dScores[i] = ∂L/∂sᵢ
 *
 * @param scores N×1 raw scores, one per example (not modified).
 * @param y N labels, each −1 or +1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×1.
 *
 * @example Two examples (N = 2)
 * ```ts
 * const { loss, dScores } = binarySquaredHingeLoss(
 *   Matrix.columnVector([0.5, 1]),
 *   Float64Array.of(1, -1),
 * );
 * // u = [0.5, 2]: loss = (0.25 + 4) / 2 = 2.125; dScores is 2×1
 * ```
 */
export function binarySquaredHingeLoss(scores: Matrix, y: Float64Array): SquaredHingeResult {
  return todo("binarySquaredHingeLoss");
}

/**
 * The multiclass squared hinge loss (margin 1, sum over the wrong classes of the squared
 * shortfalls), averaged over the batch, and its gradient with respect to the scores.
 *
 *     u[i, j]           = max(0, s[i, j] − s[i, yᵢ] + 1)        for j ≠ yᵢ
 *     L                 = (1/N) · Σᵢ Σ_{j ≠ yᵢ} u[i, j]²
 *     dScores[i, j]     = ∂L/∂s[i, j]                              for every class j
 *
 * @param scores N×C class scores, one row per example (not modified).
 * @param y N correct classes, each in 0..C−1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×C.
 *
 * @example One example, three classes (N = 1, C = 3)
 * ```ts
 * const { loss, dScores } = multiclassSquaredHingeLoss(Matrix.from([[1, 1.5, 0.5]]), Int32Array.of(0));
 * // u = [·, 1.5, 0.5]: loss = 2.25 + 0.25 = 2.5; dScores is 1×3
 * ```
 */
export function multiclassSquaredHingeLoss(scores: Matrix, y: Int32Array): SquaredHingeResult {
  return todo("multiclassSquaredHingeLoss");
}
