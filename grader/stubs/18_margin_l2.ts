// deno-lint-ignore-file no-unused-vars
/**
 * # The SVM margin, and why L2 appears in it
 *
 * A linear classifier for two classes scores every example, sᵢ = xᵢ·W + b, and predicts the
 * sign of the score. The hinge loss of `binary_hinge` asks more than the right sign: it asks every
 * yᵢ·sᵢ to reach 1, and charges for any shortfall.
 *
 * Here the data are **linearly separable**: some line (a hyperplane in D dimensions) puts every
 * +1 example on one side and every −1 example on the other. Take any (W, b) that separates them,
 * so that every yᵢ·sᵢ is positive, and scale it by a number k > 1. Every score, and so every
 * yᵢ·sᵢ, is multiplied by k: the boundary does not move, but the hinge sees bigger margins.
 * Once k·minᵢ yᵢ·sᵢ ≥ 1, the data loss is exactly 0, and it stays 0 for every larger k. On
 * separable data the hinge alone cannot tell a good boundary from a barely separating one:
 * each is a zero-loss solution if its weights are made large enough. `scaledDataLoss` computes
 * that for a list of scales, so you can watch the loss fall to 0.
 *
 * The L2 penalty λ·Σ W² changes the contest. Making the data loss 0 now costs weight, and the
 * cheapest way there for a separating direction is the smallest k that meets every margin. The
 * distance from the boundary to the closest example, the geometric margin
 *
 *     γ = minᵢ yᵢ·(xᵢ·W + b) / ‖W‖          ‖W‖ = √(Σ W²)
 *
 * does not change when (W, b) is scaled. Work out what the total loss is at that smallest k,
 * written with γ (`geometricMargin` computes it): it is smaller the wider the margin. So the
 * penalty picks, among all separating boundaries, the one that leaves the widest empty band
 * around it: the maximum-margin boundary of the support vector machine. The tests check this
 * on two separating directions.
 *
 * ## The convention of this kit
 *
 * - `X` is N×D (rows are examples), `W` is D×1, `b` is a 1×1 matrix (the bias, a number kept
 *   in a matrix so that its gradient has a shape), `y` holds N labels, each **−1 or +1**.
 * - Scores sᵢ = xᵢ·W + b; the margin is **1**; the data loss is the **mean** over the N
 *   examples of max(0, 1 − yᵢ·sᵢ).
 * - The penalty is **λ·Σ W²**: no ½, λ not divided by N, and the bias is **not** penalized.
 * - `marginLoss` returns the total loss (data loss plus penalty) and its gradients with respect
 *   to W (D×1) and b (1×1). At yᵢ·sᵢ = 1 exactly the hinge has a corner; the tests never put an
 *   example there.
 * - `scaledDataLoss(W, b, X, y, scales)` returns a `Float64Array` with one entry per scale k:
 *   the data loss (no penalty) of (k·W, k·b). Its input need not separate the data.
 * - `geometricMargin(W, b, X, y)` returns γ as above: negative when some example is on the
 *   wrong side.
 * - No input may be modified; return new values.
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative (an array relative to its largest entry), which a float32
 * computation (`Float32Array`, `Math.fround`) misses by a factor of 100 or more.
 *
 * Return new matrices and arrays: nothing you return may share memory with an argument, with
 * another returned value or with what an earlier call returned (the grader checks).
 *
 * ## A worked forward
 *
 *     X = [[1, 2], [−1, 0.5], [2, −1]],  y = [+1, −1, +1],  W = [[0.5], [0.25]],  b = [[0.1]]
 *     s = [1.1, −0.275, 0.85],  y·s = [1.1, 0.275, 0.85]
 *     hinge terms [0, 0.725, 0.15]: data loss = 0.875 / 3 ≈ 0.291667
 *     λ = 0.1: penalty = 0.1 · (0.25 + 0.0625) = 0.03125, loss ≈ 0.322917
 *     scaledDataLoss at scales [1, 2, 4]: [0.291667, 0.15, 0]
 *     geometricMargin = 0.275 / √0.3125 ≈ 0.491935
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";

/** What {@linkcode marginLoss} returns. */
export interface MarginLossResult {
  /** The mean hinge loss over the batch plus λ·Σ W². */
  loss: number;
  /** ∂loss/∂W, D×1. */
  dW: Matrix;
  /** ∂loss/∂b, 1×1. */
  db: Matrix;
}

/**
 * The regularized binary hinge loss of a linear classifier and its gradients.
 *
 *     L = (1/N) · Σᵢ max(0, 1 − yᵢ·(xᵢ·W + b)) + λ · Σ W²
 *
 * @param W D×1 weights (not modified).
 * @param b 1×1 bias, not penalized (not modified).
 * @param X N×D inputs, one row per example (not modified).
 * @param y N labels, each −1 or +1 (not modified).
 * @param lambda the regularization strength λ ≥ 0.
 * @returns `{ loss, dW, db }` with `dW` D×1 and `db` 1×1.
 */
export function marginLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  lambda: number,
): MarginLossResult {
  return todo("marginLoss");
}

/**
 * The data loss (mean hinge, no penalty) of the scaled classifier (k·W, k·b), for every k of
 * `scales`.
 *
 * @param W D×1 weights (not modified).
 * @param b 1×1 bias (not modified).
 * @param X N×D inputs (not modified).
 * @param y N labels, each −1 or +1 (not modified).
 * @param scales K scales k > 0 (not modified).
 * @returns a new `Float64Array` of K data losses, in the order of `scales`.
 */
export function scaledDataLoss(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Float64Array,
  scales: Float64Array,
): Float64Array {
  return todo("scaledDataLoss");
}

/**
 * The geometric margin γ = minᵢ yᵢ·(xᵢ·W + b) / √(Σ W²): the distance from the boundary to the
 * closest example, negative when some example is on the wrong side.
 *
 * @param W D×1 weights, not all 0 (not modified).
 * @param b 1×1 bias (not modified).
 * @param X N×D inputs (not modified).
 * @param y N labels, each −1 or +1 (not modified).
 * @returns γ, a number.
 */
export function geometricMargin(W: Matrix, b: Matrix, X: Matrix, y: Float64Array): number {
  return todo("geometricMargin");
}
