// deno-lint-ignore-file no-unused-vars
/**
 * # 10 · Binary cross-entropy through a sigmoid
 *
 * With only two classes a model needs one score per example, not two. The sigmoid
 * σ(s) = 1 / (1 + e^(−s)) squashes that score into (0, 1), and we read σ(s) as the model's
 * probability that the label is 1 (so 1 − σ(s) is the probability that it is 0). The loss is
 * the negative log of the probability the model gave to what actually happened:
 *
 *     Lᵢ = −log σ(sᵢ)          when yᵢ = 1
 *     Lᵢ = −log (1 − σ(sᵢ))    when yᵢ = 0
 *
 * or, in one line, Lᵢ = −yᵢ·log σ(sᵢ) − (1 − yᵢ)·log(1 − σ(sᵢ)). Exercise 12 extends it to
 * C classes (softmax cross-entropy, whose two-class case with scores s and 0 is this one). Derive
 * ∂Lᵢ/∂sᵢ yourself: the chain rule through the log and then through σ, whose derivative you
 * know from exercise 03. The result is tidy; simplify until it is.
 *
 * ## Numerical stability
 *
 * For s = −1000, σ(s) is about e^(−1000), which float64 rounds to 0, and log(0) = −Infinity;
 * for s = 1000, 1 − σ(s) rounds to 0 in the same way. The loss itself is finite (about 1000),
 * so compute it without forming log σ. Two identities help:
 *
 *     −log σ(s)       = log(1 + e^(−s))
 *     −log(1 − σ(s))  = log(1 + e^(s))
 *     log(1 + e^(t))  = max(t, 0) + log(1 + e^(−|t|))      (the exp never exceeds 1)
 *
 * which together give Lᵢ = max(sᵢ, 0) − yᵢ·sᵢ + log(1 + e^(−|sᵢ|)). (`Math.log1p(x)` computes
 * log(1 + x) accurately for small x.) The tests use scores around ±1000.
 *
 * ## The convention of this kit
 *
 * - `scores` is N×1: one raw score (before the sigmoid) per example.
 * - `y` is a `Float64Array` of N labels, each **0 or 1** (not −1/+1 as in the hinge exercises).
 * - The loss is the **mean** over the N examples, and the returned gradient is the gradient of
 *   that mean, so it **already includes the 1/N**.
 * - Neither input may be modified; return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (s: Matrix) => binaryCrossEntropy(s, y).loss;
 *     console.log(gradientCheck(f, scores.clone(), binaryCrossEntropy(scores, y).dScores).relError);
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

/** What {@linkcode binaryCrossEntropy} returns. */
export interface BinaryCrossEntropyResult {
  /** The mean binary cross-entropy over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×1, already divided by N. */
  dScores: Matrix;
}

/**
 * The binary cross-entropy of sigmoid probabilities, averaged over the batch, and its gradient
 * with respect to the raw scores. Must stay finite for scores around ±1000.
 *
 *     L          = (1/N) · Σᵢ ( −yᵢ·log σ(sᵢ) − (1 − yᵢ)·log(1 − σ(sᵢ)) )
 *     dScores[i] = ∂L/∂sᵢ
 *
 * @param scores N×1 raw scores, one per example (not modified).
 * @param y N labels, each 0 or 1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×1.
 *
 * @example Two examples (N = 2)
 * ```ts
 * const { loss, dScores } = binaryCrossEntropy(Matrix.columnVector([0, 0]), Float64Array.of(1, 0));
 * // σ(0) = 0.5 for both, so each example costs −log 0.5 = log 2 and loss = log 2 ≈ 0.6931
 * // dScores is 2×1
 * ```
 */
export function binaryCrossEntropy(scores: Matrix, y: Float64Array): BinaryCrossEntropyResult {
  return todo("binaryCrossEntropy");
}
