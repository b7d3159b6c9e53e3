// deno-lint-ignore-file no-unused-vars
/**
 * # 15 · L2 regularization in the total loss
 *
 * A data loss only asks how well the model fits the training examples. Many different weight
 * matrices fit them equally well, and some of them do it with huge weights that react wildly to
 * tiny changes of the input: a model that has memorized rather than learned. A regularization
 * term adds a second wish to the objective: *among good fits, prefer small weights*.
 *
 *     total loss = data loss + regularization loss
 *
 * The L2 penalty measures a weight matrix by the sum of the squares of its entries, and a
 * hyperparameter λ ≥ 0 (the regularization strength) sets the exchange rate between the two
 * wishes: λ = 0 switches the penalty off, a large λ squeezes the weights towards 0 even at the
 * cost of fitting worse.
 *
 *     R(W)  = λ · Σ_{k,j} W[k, j]²
 *
 * L2 regularization is also called **weight decay**. Derive ∂R/∂W entry by entry (each W[k, j]
 * appears in one term of the sum only), then look at what one gradient descent step on R alone
 * does to each weight: the name will explain itself.
 *
 * With several weight matrices (one per layer), the penalty is the sum of their penalties, one
 * term per matrix, and each term involves only its own matrix. Ask what that means for the
 * gradient of the total loss with respect to each of them.
 *
 * ## What is not regularized: biases
 *
 * A weight multiplies an input, so large weights make the output sensitive to the input; that
 * is the complexity the penalty keeps in check. A bias multiplies nothing: it only shifts the
 * scores, and shrinking it towards 0 would just pull the decision boundary towards the origin
 * for no benefit. So biases appear in the data loss and get its gradient, but **never** in the
 * penalty: their gradient has no 2λb term.
 *
 * ## The convention of this kit
 *
 * - The penalty is **λ · Σ w², with no ½** in front. Some texts put a ½ there, which changes
 *   the gradient by a constant factor: derive yours from this kit's form, not from memory.
 * - **λ is not divided by N.** The data loss is already a mean over the batch, and λ weighs the
 *   penalty against that mean; the batch size does not enter the penalty.
 * - **Biases are not regularized**: b appears in the data loss only.
 * - Matrices are row-major `Matrix` values; a linear classifier has W D×C, b 1×C, X N×D with one
 *   example per row, and labels `y` an `Int32Array` of classes in 0..C−1.
 * - No input may be modified (not W, not the data gradients, not b, X or y); return new values.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     const f = (w: Matrix) => regularizedLinearSvm(w, b, X, y, lambda).loss;
 *     const { dW } = regularizedLinearSvm(W, b, X, y, lambda);
 *     console.log(gradientCheck(f, W.clone(), dW).relError);
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

/** What {@linkcode l2Penalty} returns. */
export interface L2PenaltyResult {
  /** λ · Σ W². */
  loss: number;
  /** ∂loss/∂W, the shape of W. */
  dW: Matrix;
}

/** What {@linkcode totalLoss} returns. */
export interface TotalLossResult {
  /** The data loss plus λ · Σₖ Σ Wₖ². */
  loss: number;
  /** One gradient of the total loss per weight matrix, in the same order and shapes. */
  grads: Matrix[];
}

/** What {@linkcode regularizedLinearSvm} returns. */
export interface RegularizedSvmResult {
  /** The mean multiclass hinge loss of X·W + b, plus λ · Σ W². */
  loss: number;
  /** ∂loss/∂W, D×C. */
  dW: Matrix;
  /** ∂loss/∂b, 1×C (b is not in the penalty). */
  db: Matrix;
}

/**
 * The L2 penalty of one weight matrix and its gradient.
 *
 *     loss = λ · Σ_{k,j} W[k, j]²
 *     dW   = ∂loss/∂W
 *
 * @param W A weight matrix of any shape (not modified).
 * @param lambda The regularization strength λ ≥ 0.
 * @returns `{ loss, dW }` with `dW` the shape of W.
 *
 * @example
 * ```ts
 * const { loss, dW } = l2Penalty(Matrix.from([[1, -2], [0, 3]]), 0.5);
 * // loss = 0.5 · (1 + 4 + 0 + 9) = 7; dW is 2×2, like W
 * ```
 */
export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  return todo("l2Penalty");
}

/**
 * Adds the L2 penalty of several weight matrices to a data loss and its gradients.
 * `weights` lists only the matrices to regularize (a caller never passes biases here), and
 * `dataGrads[k]` is the data loss's gradient with respect to `weights[k]` (same shape).
 *
 *     loss     = dataLoss + λ · Σₖ Σ weights[k]²
 *     grads[k] = ∂loss/∂weights[k]    (the data loss's part of it is dataGrads[k])
 *
 * You may call {@linkcode l2Penalty}. Return new matrices: `dataGrads` must not be modified.
 *
 * @param dataLoss The data loss (a number).
 * @param dataGrads The data loss's gradient for each weight matrix (not modified).
 * @param weights The weight matrices, of any shapes (not modified).
 * @param lambda The regularization strength λ ≥ 0.
 * @returns `{ loss, grads }` with `grads.length === weights.length`.
 *
 * @example
 * ```ts
 * const W1 = Matrix.from([[1, 2]]);
 * const W2 = Matrix.from([[3]]);
 * const { loss, grads } = totalLoss(10, [Matrix.from([[0.5, 0]]), Matrix.from([[1]])], [W1, W2], 0.1);
 * // loss  = 10 + 0.1 · (1 + 4 + 9) = 11.4; grads[0] is 1×2 and grads[1] is 1×1
 * ```
 */
export function totalLoss(
  dataLoss: number,
  dataGrads: Matrix[],
  weights: Matrix[],
  lambda: number,
): TotalLossResult {
  return todo("totalLoss");
}

/**
 * The regularized multiclass SVM loss of a linear classifier **with a bias**: the data loss is
 * the multiclass hinge loss of exercise 15 (margin 1, sum over j ≠ yᵢ, mean over N) on the
 * scores X·W + b, and only W is regularized.
 *
 *     S    = X·W + b                         (N×C; b is added to every row)
 *     loss = hinge(S, y) + λ · Σ W²
 *     dW   = ∂loss/∂W                        (D×C)
 *     db   = ∂loss/∂b                        (1×C; b is not in the penalty)
 *
 * The pieces are all yours already: the hinge's gradient with respect to the scores (15), the
 * way a gradient flows back through X·W + b (09), and the penalty's gradient (above).
 *
 * You may import your own `multiclassHingeLoss` from `./15_multiclass_hinge.ts` (exercise 15
 * must then be solved, or this one fails with it), or write the hinge again here.
 *
 * @param W D×C weights (not modified).
 * @param b 1×C bias, one entry per class (not modified).
 * @param X N×D inputs, one example per row (not modified).
 * @param y N correct classes, each in 0..C−1 (not modified).
 * @param lambda The regularization strength λ ≥ 0.
 * @returns `{ loss, dW, db }` with `dW` D×C and `db` 1×C.
 *
 * @example One example, one feature, two classes (N = 1, D = 1, C = 2)
 * ```ts
 * const { loss, dW, db } = regularizedLinearSvm(
 *   Matrix.from([[1, 2]]), Matrix.from([[0.5, 0]]), Matrix.from([[1]]), Int32Array.of(0), 0.1,
 * );
 * // S = [[1.5, 2]]: class 1 gives max(0, 2 − 1.5 + 1) = 1.5, so the hinge is 1.5
 * // loss = 1.5 + 0.1 · (1 + 4) = 2; dW is 1×2 and db is 1×2
 * ```
 */
export function regularizedLinearSvm(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Int32Array,
  lambda: number,
): RegularizedSvmResult {
  return todo("regularizedLinearSvm");
}
