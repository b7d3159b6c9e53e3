/**
 * # 08 · The effect of input scale
 *
 * In a linear model the weights meet the data in a product, `S = X·W`, with X N×D (rows are
 * examples), W D×C and the scores S N×C. The loss sends back dS = ∂L/∂S (N×C), and the weights'
 * gradient dW = ∂L/∂W (D×C) follows from it by the chain rule through that product: the same
 * derivation as the weights of the affine layer (exercise 09), here on its own.
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
 * ## Seeing it in training
 *
 * The third function trains the smallest model there is, linear regression `s = X·w`, by
 * gradient descent, so that you can watch what scale does. The grader runs your trainer four
 * times on one problem: on X with a learning rate η that works, then on the same data
 * multiplied by 1000 with η, with η/1000 and with η/1000². It draws the four loss curves (as
 * sparklines under the exercise, and in `.cache/curves.html`). Before you look, predict from
 * your dW which of the four go down, and which one retraces the curve of X exactly. The
 * notes' rule of thumb ("a gradient 1000 times larger needs a learning rate 1000 times
 * smaller") corrects the size of the gradient; the curves show whether that is all that
 * changed.
 *
 * ## What to write
 *
 * 1. {@linkcode weightGradient}: dW for `S = X·W` from the input X and the upstream gradient dS.
 * 2. {@linkcode standardizeFeatures}: the standardized data and the statistics used.
 * 3. {@linkcode trainLinearRegression}: gradient descent on the mean squared error of `s = X·w`,
 *    from w = 0, recording the loss at every step.
 *
 * ## Conventions
 *
 * - Rows are examples, columns are features.
 * - `weightGradient` applies no 1/N: any averaging over the batch is already inside dS, and it
 *   does not need W (the gradient of S = X·W with respect to W does not depend on W).
 * - Standardization is per column (per feature), over the N rows: mean[d] = (1/N)·Σ_i X[i][d],
 *   std[d] = √((1/N)·Σ_i (X[i][d] − mean[d])²), dividing by N (not N − 1), with no ε added.
 *   The hidden tests never give a constant column.
 * - Training: X is N×D, y is N×1 (one target per example), w is D×1 and starts at **zeros**;
 *   there is no bias. The loss is the mean squared error of exercise 08 with one output:
 *   L(w) = (1/N)·Σ_i (s[i] − y[i])² with s = X·w (mean over N, no ½). Step k, for
 *   k = 0, 1, …, steps − 1: compute s and L with the current w, record `losses[k]` = L (the loss
 *   **before** this step's update), then w ← w − learningRate·∂L/∂w. Exactly `options.steps`
 *   steps; return the w after the last update. Your `weightGradient` carries a gradient on the
 *   scores to w, and you may import your `mseLoss` from `./08_mse_loss.ts`.
 * - Do not modify X, dS, y or options: return new matrices.
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
 *     trainLinearRegression(X = [[1], [2]], y = [[2], [4]], { learningRate: 0.1, steps: 3 }):
 *     at w = [[0]] the scores are [0, 0], so losses[0] = ((0 − 2)² + (0 − 4)²) / 2 = 10;
 *     losses[1] and losses[2] are the losses of the w after one and after two updates
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

/** Settings of {@linkcode trainLinearRegression}. */
export interface RegressionOptions {
  /** η, the step size of gradient descent. */
  learningRate: number;
  /** How many gradient descent steps to take (a positive integer). */
  steps: number;
}

/**
 * Linear regression `s = X·w` trained by full-batch gradient descent from w = 0 on the mean
 * squared error L(w) = (1/N)·Σ_i (s[i] − y[i])², the loss recorded before each update.
 *
 * @param X the data, N×D (not modified)
 * @param y the targets, N×1 (not modified)
 * @param options the learning rate and the number of steps (not modified)
 * @returns `w` (D×1) after the last update, and `losses`: `options.steps` numbers, `losses[k]`
 *   the loss before update k
 *
 * @example
 * ```ts
 * const { w, losses } = trainLinearRegression(X, y, { learningRate: 0.01, steps: 20 });
 * const scaled = trainLinearRegression(X.mul(1000), y, { learningRate: 0.01, steps: 20 });
 * // compare scaled.losses with losses
 * ```
 */
export function trainLinearRegression(
  X: Matrix,
  y: Matrix,
  options: RegressionOptions,
): { w: Matrix; losses: number[] } {
  return todo("trainLinearRegression");
}
