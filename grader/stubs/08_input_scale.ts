/**
 * # 08 · The effect of input scale
 *
 * In a linear model the weights meet the data in a product, `S = X·W`, with X N×D (rows are
 * examples), W D×C and the scores S N×C. The loss sends back dS = ∂L/∂S (N×C), and the weights'
 * gradient dW = ∂L/∂W (D×C) follows from it by the chain rule through that product: the same
 * derivation as the weights of the affine layer (exercise 07), here on its own.
 *
 * ## Why the scale of the data matters
 *
 * Once you have derived dW, hold dS fixed and answer two questions from your formula before
 * the tests ask them: what happens to dW when every entry of X is multiplied by a number k
 * (features recorded in millimetres instead of metres: k = 1000)? And when only column d of X
 * is multiplied by k, which part of dW changes, and how?
 *
 * Then think about gradient descent, which moves W by the learning rate times dW: what does
 * your answer mean for a learning rate tuned on the data in metres? And for a data set whose
 * features live on very different scales (a price in euros next to a ratio between 0 and 1),
 * can one learning rate suit every weight?
 *
 * (The question holds dS fixed, as the tests do. In a full model dS itself depends on the
 * scores, which change with X; the direct effect of the data on the weight gradient is still
 * there.)
 *
 * The usual cure is preprocessing: standardize every feature before training, so that each
 * column of the data has mean 0 and standard deviation 1, whatever units it was measured in.
 * After that, rescaling or shifting a raw feature no longer changes the data the model sees,
 * and so no longer changes its gradients.
 *
 * ## What to write
 *
 * 1. {@linkcode weightGradient}: dW for `S = X·W` from the input X and the upstream gradient dS.
 * 2. {@linkcode standardizeFeatures}: the standardized data and the statistics used.
 *
 * ## Conventions
 *
 * - Rows are examples, columns are features.
 * - `weightGradient` applies no 1/N: any averaging over the batch is already inside dS, and it
 *   does not need W (the gradient of S = X·W with respect to W does not depend on W).
 * - Standardization is per column (per feature), over the N rows: mean[d] = (1/N)·Σ_i X[i][d],
 *   std[d] = √((1/N)·Σ_i (X[i][d] − mean[d])²), dividing by N (not N − 1), with no ε added.
 *   The hidden tests never give a constant column.
 * - Do not modify X or dS: return new matrices.
 *
 * ## Worked example (forward)
 *
 *     X = [[1, 10],    W = [[1, 0],     S = X·W = [[1, 10],
 *          [3, 30]]         [0, 1]]                [3, 30]]
 *
 *     with dS = [[1, 0], [0, 1]], weightGradient(X, dS) is 2×2 (D×C)
 *
 *     standardizeFeatures(X): mean = [[2, 20]], std = [[1, 10]], Xn = [[-1, -1], [1, 1]]
 *
 * Both columns of X carry the same information in different units; after standardization they
 * are identical. What does that make their rows of the weight gradient?
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

/**
 * The weight gradient of the linear scores `S = X·W`: dW = ∂L/∂W, given dS = ∂L/∂S.
 *
 * @param X the data, N×D
 * @param dS the upstream gradient ∂L/∂S, N×C
 * @returns dW, D×C (it does not depend on W)
 *
 * @example
 * ```ts
 * const dW = weightGradient(X, dS); // D×C
 * const dWmm = weightGradient(X.mul(1000), dS); // the same data in millimetres: compare with dW
 * ```
 */
export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  return todo("weightGradient");
}

/**
 * Standardizes every column (feature) of X to mean 0 and standard deviation 1:
 * `Xn[i][d] = (X[i][d] − mean[d]) / std[d]`, with mean and std computed over the N rows
 * (std divides by N, not N − 1).
 *
 * @param X the data, N×D (no constant column)
 * @returns `Xn` (N×D), `mean` (1×D) and `std` (1×D), so the same transform can be applied to
 *   new data later
 *
 * @example
 * ```ts
 * const { Xn, mean, std } = standardizeFeatures(X);
 * ```
 */
export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  return todo("standardizeFeatures");
}
