// deno-lint-ignore-file no-unused-vars
/**
 * # Cross-entropy against a target distribution (soft labels)
 *
 * In `softmax_cross_entropy` every example had one right class. Often the target is itself a
 * distribution: an annotator who is 70% sure it is a cat and 30% a dog, a label smoothed so that
 * the model is never asked for certainty, or a teacher model's probabilities that a student
 * copies. The cross-entropy compares two distributions over the C classes, the target t and the
 * model's softmax p: it weighs the surprise −log p[j] of every class by how much of the target
 * sits on that class.
 *
 * For one example with scores s (a row of C numbers) and target t (a row of C numbers, each
 * ≥ 0, summing to 1):
 *
 *     p[j] = exp(s[j]) / Σₘ exp(s[m])               (softmax, as in softmax_cross_entropy)
 *     Lᵢ   = −Σⱼ t[j] · log p[j]
 *
 * A one-hot target (1 on the right class, 0 elsewhere) keeps one term of the sum: the loss of
 * `softmax_cross_entropy` is the special case. Derive the gradient of Lᵢ with respect to every
 * score as you did there: write log p[j] as s[j] − log Σₘ exp(s[m]) first, and remember that the
 * target's entries add up to 1.
 *
 * ## The likelihood reading, on numbers
 *
 * A model that gives probabilities also gives the probability of a whole labelled dataset: the
 * product over the examples of the probability it put on each example's label (the examples
 * are taken as independent). Training by maximum likelihood makes that product as large as
 * possible. The product of thousands of numbers below 1 is far smaller than the smallest float64
 * (about 5e−324), so nobody computes it: its logarithm is a sum, and minus that sum, divided by
 * N, is the mean negative log-likelihood. `negativeLogLikelihood` computes it from the model's
 * probabilities; `oneHot` writes the labels as targets. The tests then ask your
 * `softLabelCrossEntropy`, given log-probabilities as scores and one-hot targets, for the same
 * number: the mean cross-entropy against one-hot labels *is* the mean negative log-likelihood.
 *
 * ## The convention of this kit
 *
 * - `scores` and `targets` are N×C: one row per example, one column per class.
 * - Every row of `targets` has entries ≥ 0 that sum to 1 (some may be 0); the tests keep to it.
 * - The loss is the **mean** over the N examples: L = (1/N) · Σᵢ Lᵢ, and `dScores` is the
 *   gradient of that mean, so it **already includes the 1/N**. Only the scores get a gradient.
 * - A target entry of 0 contributes nothing to the loss, even where p[j] is tiny.
 * - Stable for scores around ±1000 and for rows at very different levels in one batch (shift
 *   each row by its own maximum, as in `softmax_cross_entropy`).
 * - `negativeLogLikelihood(probs, y)`: `probs` is N×C, each row a distribution with every entry
 *   > 0; `y` holds N labels in 0..C−1. It returns −(1/N) · log Πᵢ probs[i, y[i]], a number.
 *   The tests use datasets of thousands of examples.
 * - `oneHot(y, classes)` returns an N×classes matrix: 1 at [i, y[i]], 0 elsewhere.
 * - No input may be modified; return new values.
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

/** What {@linkcode softLabelCrossEntropy} returns. */
export interface SoftLabelResult {
  /** The mean cross-entropy over the batch. */
  loss: number;
  /** ∂loss/∂scores, N×C, already divided by N. */
  dScores: Matrix;
}

/**
 * The cross-entropy of the softmax of `scores` against the target distributions `targets`,
 * averaged over the batch, and its gradient with respect to the scores. Must stay finite for
 * scores around ±1000.
 *
 *     L              = (1/N) · Σᵢ Σⱼ −targets[i, j] · log softmax(scores)[i, j]
 *     dScores[i, j]  = ∂L/∂scores[i, j]
 *
 * @param scores N×C class scores, one row per example (not modified).
 * @param targets N×C target distributions, each row ≥ 0 and summing to 1 (not modified).
 * @returns `{ loss, dScores }` with `dScores` N×C.
 *
 * @example Two examples, three classes (N = 2, C = 3)
 * ```ts
 * const { loss, dScores } = softLabelCrossEntropy(
 *   Matrix.from([[2, 0, 0], [0, 0, 0]]),
 *   Matrix.from([[0.7, 0.2, 0.1], [0, 0.5, 0.5]]),
 * );
 * // row 0: p ≈ [0.78699, 0.10651, 0.10651], L₀ = −(0.7·log 0.78699 + 0.3·log 0.10651) ≈ 0.83954
 * // row 1: p = [1/3, 1/3, 1/3],              L₁ = −(0.5 + 0.5)·log(1/3) = log 3 ≈ 1.09861
 * // loss = (0.83954 + 1.09861) / 2 ≈ 0.96908; dScores is 2×3
 * ```
 */
export function softLabelCrossEntropy(scores: Matrix, targets: Matrix): SoftLabelResult {
  return todo("softLabelCrossEntropy");
}

/**
 * The mean negative log-likelihood of a labelled dataset under a model's probabilities:
 * −(1/N) · log Πᵢ probs[i, y[i]]. Must stay finite for datasets of thousands of examples.
 *
 * @param probs N×C probabilities, each row a distribution with entries > 0 (not modified).
 * @param y N labels, each in 0..C−1 (not modified).
 * @returns the mean negative log-likelihood, a number.
 *
 * @example Two examples, three classes
 * ```ts
 * negativeLogLikelihood(Matrix.from([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3]]), Int32Array.of(0, 2));
 * // the dataset's likelihood is 0.7 · 0.3 = 0.21, so the result is −log(0.21) / 2 ≈ 0.78032
 * ```
 */
export function negativeLogLikelihood(probs: Matrix, y: Int32Array): number {
  return todo("negativeLogLikelihood");
}

/**
 * The labels `y` as one-hot target rows.
 *
 * @param y N labels, each in 0..classes−1 (not modified).
 * @param classes C, the number of classes.
 * @returns an N×C matrix with 1 at [i, y[i]] and 0 elsewhere.
 *
 * @example
 * ```ts
 * oneHot(Int32Array.of(2, 0), 3); // [[0, 0, 1], [1, 0, 0]]
 * ```
 */
export function oneHot(y: Int32Array, classes: number): Matrix {
  return todo("oneHot");
}
