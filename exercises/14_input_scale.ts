/**
 * # 14 · The effect of input scale
 *
 * In a linear model the weights meet the data in a product, `S = X·W`, and the backward rule
 * of a product hands each factor the OTHER factor as its local gradient. So the gradient on
 * the weights is built out of the data itself:
 *
 *     dW = Xᵀ·dS          X N×D (rows are examples), dS N×C, dW D×C
 *
 * where dS = ∂L/∂S is the upstream gradient the loss sends back to the scores. Read the rule
 * entry by entry: dW[d][c] = Σ_i X[i][d]·dS[i][c]. Row d of dW is a sum of feature d's values,
 * each weighted by how much its example's scores should move.
 *
 * ## Why the scale of the data matters
 *
 * Hold the upstream gradient dS fixed and multiply the data by a number k. Every term of the
 * sum above is multiplied by k, so
 *
 *     dW(k·X) = k · dW(X)
 *
 * Record your features in millimetres instead of metres (k = 1000) and the weight gradient is
 * a thousand times larger: a learning rate that was fine before now throws the weights far
 * past any minimum. Shrink the data a thousandfold and learning crawls. Worse, the same holds
 * feature by feature: multiply only column d of X by k_d and only row d of dW is multiplied by
 * k_d. A data set whose features live on very different scales (a price in euros next to a
 * ratio between 0 and 1) gets one gradient step that is huge along some weights and tiny along
 * others, and no single learning rate suits both.
 *
 * (The relation is exact when dS is held fixed, as here. In a full model dS itself depends on
 * the scores, which change with X; the direct factor k on every weight gradient is still there.)
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
 * - `weightGradient` applies no 1/N: any averaging over the batch is already inside dS.
 * - Standardization is per column (per feature), over the N rows: mean[d] = (1/N)·Σ_i X[i][d],
 *   std[d] = √((1/N)·Σ_i (X[i][d] − mean[d])²), dividing by N (not N − 1), with no ε added.
 *   The hidden tests never give a constant column.
 * - Do not modify X or dS: return new matrices.
 *
 * ## Worked example
 *
 *     X = [[1, 10],    dS = [[1, 0],     dW = Xᵀ·dS = [[ 1, 3],
 *          [3, 30]]          [0, 1]]                   [10, 30]]
 *
 *     dW(2·X) = [[2, 6], [20, 60]] = 2·dW(X)
 *
 *     standardizeFeatures(X): mean = [[2, 20]], std = [[1, 10]], Xn = [[-1, -1], [1, 1]]
 *
 * Both columns of X carry the same information in different units; after standardization they
 * are identical, and so are their rows of the weight gradient.
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
 * The weight gradient of the linear scores `S = X·W`: `dW = Xᵀ·dS`.
 *
 * @param X the data, N×D
 * @param dS the upstream gradient ∂L/∂S, N×C
 * @returns dW, D×C (it does not depend on W)
 *
 * @example
 * ```ts
 * const dW = weightGradient(X, dS); // D×C
 * weightGradient(X.mul(1000), dS); // 1000 times dW
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
