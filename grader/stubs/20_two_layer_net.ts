/**
 * # 17 · A two-layer network on a batch
 *
 * Everything so far, chained into one network that classifies N examples into C classes:
 *
 *     Z  = X·W1 + b1        affine      X N×D, W1 D×H, b1 1×H   →  Z N×H
 *     A  = max(0, Z)        ReLU                                 →  A N×H
 *     S  = A·W2 + b2        affine      W2 H×C, b2 1×C           →  S N×C (scores)
 *     L  = (1/N)·Σᵢ −log softmax(S[i])[y[i]]                     →  a number
 *
 * and its backward pass, the same chain walked the other way: start from the loss's gradient
 * with respect to the scores S, and take each stage back in turn (the second affine layer, the
 * ReLU, the first affine layer). Each stage needs only the gradient arriving from the stage
 * after it and what it cached on the way forward, and every stage is one you have already
 * derived: exercises 09 (affine), 04 (ReLU) and 11 (softmax cross-entropy). Write each
 * gradient's shape next to it as you go: dS N×C, then H×C and 1×C for W2 and b2, N×H for A
 * and Z, D×H and 1×H for W1 and b1.
 *
 * This file imports your own layers, so the network is built from them: each layer's forward
 * returns what its backward needs, and the backward pass calls the same layers in reverse
 * order, each handed the gradient the one after it produced and its own cache. Those
 * exercises (07, 04 and 11) must pass first: the grader says which one to fix when one does
 * not, and your softmax cross-entropy must also survive the score spreads described under
 * Conventions.
 *
 * ## Check your own gradients
 *
 * Before you grade, run your own gradient check (exercise 02) on the network from a scratch
 * file in `exercises/` (see the README), one parameter at a time:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (W1: Matrix) => twoLayerLoss(X, y, { ...params, W1 }).loss;
 *     console.log(gradientCheck(f, params.W1.clone(), twoLayerLoss(X, y, params).grads.W1));
 *
 * A relative error of 1e-7 or less is right; around 1e-2 or more, look at the stage where the
 * first wrong parameter's gradient comes from (W2 right and W1 wrong: between them).
 *
 * ## Conventions
 *
 * - Rows are examples. `y` holds N labels in 0..C−1 (`y[i]` is the class of row i).
 * - The loss is the MEAN over the batch, and the gradients are those of that mean.
 * - No regularization here: the loss is the data loss only, and the gradients contain no λ
 *   term (exercise 17 adds one).
 * - The loss must stay finite for scores around ±1000 and for rows whose scores spread over
 *   more than 2000 (the hidden tests have both). Shift each row of S by its maximum m before
 *   exponentiating, and compute example i's loss as
 *   log Σ_j exp(S[i][j] − m) − (S[i][y[i]] − m). Do not take the log of a computed
 *   probability: a class that trails the best one by more than about 745 gets a probability
 *   that rounds to 0, and −log 0 is Infinity.
 * - The ReLU's derivative at exactly 0 is taken as 0 (as in exercise 04); the tests keep every
 *   entry of Z away from 0, so either choice passes.
 * - Do not modify X, y or any parameter: build new matrices.
 * - `grads` has exactly the shape of `params`: `grads.W1` is D×H like `params.W1`, and so on.
 *
 * ## Worked example (forward; N = 1, D = 1, H = 2, C = 2)
 *
 *     X = [[1]], y = [0], W1 = [[1, -1]], b1 = [[0, 0]], W2 = [[1, 0], [0, 1]], b2 = [[0, 0]]
 *
 *     Z = [[1, -1]], A = [[1, 0]], S = [[1, 0]]      (the second hidden unit is off)
 *     softmax(S) = [[0.7311, 0.2689]],  L = −log 0.7311 ≈ 0.3133
 *
 * grads then holds W1 1×2, b1 1×2, W2 2×2 and b2 1×2. Which of their entries must be 0 here,
 * because of the unit that is off or the input it multiplies? Answer before you run it.
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

// deno-lint-ignore-file no-unused-vars
import { Matrix, todo } from "@gradkit/lib";
import { reluBackward, reluForward } from "./04_relu.ts";
import { affineBackward, affineForward } from "./09_affine_layer.ts";
import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";

/** The network's parameters (or their gradients: same names, same shapes). */
export interface TwoLayerParams {
  /** First layer's weights, D×H. */
  W1: Matrix;
  /** First layer's bias, 1×H. */
  b1: Matrix;
  /** Second layer's weights, H×C. */
  W2: Matrix;
  /** Second layer's bias, 1×C. */
  b2: Matrix;
}

/**
 * The mean softmax cross-entropy loss of the two-layer network on a batch, and the gradient of
 * that loss with respect to every parameter.
 *
 * @param X the batch, N×D (rows are examples)
 * @param y the N correct classes, each in 0..C−1
 * @param params `{ W1: D×H, b1: 1×H, W2: H×C, b2: 1×C }`
 * @returns `loss` (a number) and `grads` `{ W1, b1, W2, b2 }`, each the shape of its parameter
 *
 * @example
 * ```ts
 * const { loss, grads } = twoLayerLoss(X, y, { W1, b1, W2, b2 });
 * // grads.W1 is D×H, grads.b1 1×H, grads.W2 H×C, grads.b2 1×C
 * ```
 */
export function twoLayerLoss(
  X: Matrix,
  y: Int32Array,
  params: TwoLayerParams,
): { loss: number; grads: TwoLayerParams } {
  return todo("twoLayerLoss");
}
