// deno-lint-ignore-file no-unused-vars
/**
 * # 12 · Binary hinge loss
 *
 * Cross-entropy never stops asking for more: even a confidently right example still has a
 * small loss and a small gradient. The hinge loss takes another attitude. It asks each example
 * to sit on the right side of the decision boundary *by a safety margin*, and once it does, the
 * example is satisfied: it costs nothing and stops pulling on the model.
 *
 * With labels written as −1 and +1, the product yᵢ·sᵢ of label and score is positive exactly
 * when the score has the right sign, and it grows as the example moves deeper into its own
 * side. The hinge asks for yᵢ·sᵢ ≥ 1 and charges linearly for any shortfall:
 *
 *     Lᵢ = max(0, 1 − yᵢ·sᵢ)
 *
 * Think of it in three zones. yᵢ·sᵢ ≥ 1: margin met, loss 0. 0 < yᵢ·sᵢ < 1: right side but
 * too close, a small loss. yᵢ·sᵢ ≤ 0: wrong side, loss 1 or more. (The 1 itself is a
 * convention: a model can always rescale its weights, so any positive margin would do; 1 is
 * the customary choice.)
 *
 * ## The gradient
 *
 * max(0, u) is the ReLU of exercise 04 applied to u = 1 − yᵢ·sᵢ. Derive ∂Lᵢ/∂sᵢ by the chain
 * rule in each of the zones above, and before you code it, ask which way gradient descent then
 * moves the score of a +1 example and of a −1 example whose margin is violated, and what
 * happens to an example whose margin is met.
 *
 * At yᵢ·sᵢ = 1 exactly the loss has a corner and no derivative. This kit counts the corner as
 * met (the side where the loss is 0); the tests never put a score on the corner, so either
 * choice passes.
 *
 * ## The convention of this kit
 *
 * - `scores` is N×1: one raw score per example (rows are examples).
 * - `y` is a `Float64Array` of N labels, each **−1 or +1** (not 0/1 as in exercise 11).
 * - The margin is **1**.
 * - The loss is the **mean** over the N examples, and `dScores` is the gradient of that mean,
 *   so it **already includes the 1/N**.
 * - Neither input may be modified; return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (s: Matrix) => binaryHingeLoss(s, y).loss;
 *     console.log(gradientCheck(f, scores.clone(), binaryHingeLoss(scores, y).dScores).relError);
 *
 * A relative error around 1e-7 or less says your gradient is right; 1e-2 or more, that it is
 * not. The hinge has a kink: keep every margin term away from 0 by more than the step h, or
 * the check compares your gradient with a slope across the kink (exercise 02's lesson).
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

/** What {@linkcode binaryHingeLoss} returns. */
export interface BinaryHingeResult {
  /** The mean hinge loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×1, already divided by N. */
  dScores: Matrix;
}

/**
 * The binary hinge loss with margin 1, averaged over the batch, and its gradient with respect
 * to the scores.
 *
 *     L          = (1/N) · Σᵢ max(0, 1 − yᵢ·sᵢ)
 *     dScores[i] = ∂L/∂sᵢ
 *
 * @param scores N×1 raw scores, one per example (not modified).
 * @param y N labels, each −1 or +1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×1.
 *
 * @example Three examples (N = 3)
 * ```ts
 * const { loss, dScores } = binaryHingeLoss(
 *   Matrix.columnVector([2, 0.5, 0.25]),
 *   Float64Array.of(1, 1, -1),
 * );
 * // y·s = [2, 0.5, −0.25]: losses [0, 0.5, 1.25], so loss = 1.75 / 3 ≈ 0.5833
 * // (the first example is past its margin, the second too close, the third on the wrong side)
 * // dScores is 3×1
 * ```
 */
export function binaryHingeLoss(scores: Matrix, y: Float64Array): BinaryHingeResult {
  return todo("binaryHingeLoss");
}
