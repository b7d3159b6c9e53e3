// deno-lint-ignore-file no-unused-vars
/**
 * # 11 · Softmax cross-entropy over a batch
 *
 * A classifier gives every example one score per class: a row of C numbers of any size and
 * sign. Softmax turns such a row into probabilities: exponentiate each score (so everything is
 * positive) and divide by the row's total (so the row sums to 1). The cross-entropy then asks a
 * single question per example: how much probability did the model put on the class that is
 * actually right? Its loss is −log of that probability: 0 when the model is certain and right,
 * large when the right class gets almost nothing. Minimising it is the same as maximising the
 * likelihood of the training labels. With C = 2 and scores (s, 0) it is exercise 11's binary
 * cross-entropy again.
 *
 * For one example with scores s (a row of C numbers) and correct class y:
 *
 *     p[j]  = exp(s[j]) / Σₘ exp(s[m])              (softmax, for every class j)
 *     Lᵢ    = −log p[y]  =  log(Σₘ exp(s[m])) − s[y]
 *
 * Derive the gradient of Lᵢ with respect to every score s[j] from the second form: treat the
 * correct class and the other classes separately at first, and look for p in what you get.
 * The result is short; if yours is long, simplify before you code it.
 *
 * ## Numerical stability
 *
 * exp(1000) is Infinity in float64 and exp(−1000) is 0, so a textbook softmax returns NaN for
 * scores around ±1000 even though the probabilities are perfectly ordinary numbers. Softmax does
 * not change when the same constant is subtracted from every score of a row, so subtract the
 * row's maximum first: the largest exponent is then exp(0) = 1 and nothing overflows. The
 * tests use scores around 1000 and around −1000.
 *
 * ## The convention of this kit
 *
 * - `scores` is N×C: one row per example, one column per class.
 * - `y` is an `Int32Array` of N labels, each in 0..C−1 (`y[i]` is the correct class of row i).
 * - The loss is the **mean** over the N examples: L = (1/N) · Σᵢ Lᵢ.
 * - The returned gradient is the gradient of that mean (with respect to every score), so it
 *   **already includes the 1/N**.
 * - Neither input may be modified; return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (s: Matrix) => softmaxCrossEntropy(s, y).loss;
 *     console.log(gradientCheck(f, scores.clone(), softmaxCrossEntropy(scores, y).dScores).relError);
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

/** What {@linkcode softmaxCrossEntropy} returns. */
export interface SoftmaxResult {
  /** The mean cross-entropy loss over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×C, already divided by N. */
  dScores: Matrix;
}

/**
 * The softmax cross-entropy loss of a batch of class scores, averaged over the batch, and its
 * gradient with respect to the scores. Must stay finite for scores around ±1000.
 *
 *     L              = (1/N) · Σᵢ ( log Σⱼ exp(scores[i, j]) − scores[i, y[i]] )
 *     dScores[i, j]  = ∂L/∂scores[i, j]
 *
 * @param scores N×C class scores, one row per example (not modified).
 * @param y N correct classes, each in 0..C−1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×C.
 *
 * @example One example, three classes, all scores equal (N = 1, C = 3)
 * ```ts
 * const { loss, dScores } = softmaxCrossEntropy(Matrix.from([[2, 2, 2]]), Int32Array.of(1));
 * // every probability is 1/3, so loss = −log(1/3) = log 3 ≈ 1.0986; dScores is 1×3
 * ```
 */
export function softmaxCrossEntropy(scores: Matrix, y: Int32Array): SoftmaxResult {
  return todo("softmaxCrossEntropy");
}
