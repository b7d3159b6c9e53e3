// deno-lint-ignore-file no-unused-vars
/**
 * # 09 · Mean squared error
 *
 * A regression model predicts numbers (a price, a temperature, several coordinates at once) and
 * we want one number that says how far those predictions are from the truth. The mean squared
 * error squares every difference, so that misses in either direction count and big misses count
 * much more than small ones, and averages over the examples of the batch, so that the loss does
 * not grow just because the batch got bigger.
 *
 * A loss function in this course returns two things: the loss value, and the gradient of that
 * value with respect to the model's outputs. That gradient is where backpropagation starts: it
 * is the upstream gradient handed to the last layer of the model.
 *
 * ## The convention of this kit (read it carefully: the tests check exactly this)
 *
 * - `pred` and `target` are both N×K: one row per example, one column per predicted quantity.
 * - The loss is the squared error **summed over the K outputs** of an example and **averaged
 *   over the N examples**, with **no ½ factor**:
 *
 *       L = (1/N) · Σᵢ Σₖ (pred[i,k] − target[i,k])²
 *
 *   So with K = 3 outputs the loss is NOT divided by 3: dividing by N·K ("the mean of every
 *   element") is a different convention and is wrong here.
 * - The gradient is taken with respect to `pred` only (the targets are data, not parameters).
 * - Neither input may be modified; return new values.
 *
 * Derive the gradient for one entry before you code it, as exercise 06 showed: which terms of
 * the double sum contain pred[i,k], and what happens to the constant in front?
 *
 * ## Check your own gradients
 *
 * Your numerical gradient (exercise 01) and relative error (02) are one import away; run
 * them from a scratch file in `exercises/` (see the README) before you grade:
 *
 *     import { numericalGradient } from "./01_numerical_gradient.ts";
 *     import { relativeError } from "./02_gradient_check.ts";
 *     const numeric = numericalGradient((p: Matrix) => mseLoss(p, target).loss, pred.clone());
 *     console.log(relativeError(mseLoss(pred, target).dPred, numeric));
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

/** What {@linkcode mseLoss} returns. */
export interface MseResult {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂pred, an N×K matrix (the same shape as `pred`). */
  dPred: Matrix;
}

/**
 * The mean squared error of a batch of predictions, and its gradient with respect to them.
 *
 *     L          = (1/N) · Σᵢ Σₖ (pred[i,k] − target[i,k])²
 *     dPred[i,k] = ∂L/∂pred[i,k]
 *
 * @param pred N×K predictions, one row per example (not modified).
 * @param target N×K true values, the same shape as `pred` (not modified).
 * @returns `{ loss, dPred }` with `dPred` N×K.
 *
 * @example Two examples with one output each (N = 2, K = 1)
 * ```ts
 * const pred = Matrix.columnVector([3, 1]);
 * const target = Matrix.columnVector([1, 1]);
 * const { loss, dPred } = mseLoss(pred, target);
 * // loss = ((3 − 1)² + (1 − 1)²) / 2 = 2
 * // dPred is 2×1, like pred
 * ```
 */
export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  return todo("mseLoss");
}
