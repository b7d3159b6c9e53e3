/**
 * # 07 · The affine layer on a batch
 *
 * An affine (fully connected) layer maps every example of a batch to new features with one
 * matrix product and one added bias:
 *
 *     out = X·W + b
 *
 *     X    N×D   N examples, one per row, D features each
 *     W    D×H   column j holds the weights of output unit j
 *     b    1×H   one bias per output unit, added to EVERY row (broadcast)
 *     out  N×H
 *
 * Entry by entry: out[i][j] = Σ_d X[i][d]·W[d][j] + b[j].
 *
 * ## Backward
 *
 * `affineBackward` receives `dout` (N×H), the gradient of some final loss L with respect to
 * `out`, and returns the gradient of L with respect to X, W and b. Derive it as exercise 06
 * did for one neuron: start from the entry formula above, ask for each input entry which
 * entries of `out` it appears in and with which factor, and add up over all of them. Then
 * write the sums you found as matrix operations.
 *
 * **Let the shapes guide you.** A gradient always has the shape of the thing it is the
 * gradient of: dX is N×D like X, dW is D×H like W, db is 1×H like b. With N, D and H all
 * different, few ways of combining `dout` with X or W even give the right shape. (A test with
 * a square W or a batch of one would not tell a transposed product from the correct one; the
 * hidden tests use different sizes.)
 *
 * ## Conventions
 *
 * - Rows are examples. `b` is a 1×H row matrix; `db` must be 1×H too (not H×1, not N×H).
 * - No averaging here: the layer does not know N's role in the loss. Whatever factor 1/N the
 *   loss applied is already inside `dout`; the layer divides by nothing.
 * - Do not modify X, W, b, `dout` or the cache: return new matrices (every `Matrix` operation
 *   already does).
 * - The cache is a plain object (`{ ... }`) of matrices: the grader carries it from your
 *   forward to your backward exactly as you returned it, so no class instances or functions.
 * - `affineBackward` computes fresh gradients on every call: calling it twice with the same
 *   `dout` and cache returns the same result. Nothing is accumulated from one call to the next.
 *
 * ## Worked example (forward)
 *
 *     X = [[1, 2, 0],      W = [[1,  0],      b = [[0.5, -0.5]]
 *          [0, 1, -1]]          [0,  1],
 *                               [2, -1]]
 *
 *     out = [[ 1.5, 1.5],        row 0: [1·1 + 2·0 + 0·2, 1·0 + 2·1 + 0·(−1)] + b
 *            [-1.5, 1.5]]        row 1: [0·1 + 1·0 + (−1)·2, 0·0 + 1·1 + (−1)·(−1)] + b
 *
 * With dout = [[1, 0], [0, 2]] your backward returns dX 2×3, dW 3×2 and db 1×2: work one entry
 * of each out by hand from the entry formula, and check the rest with your numerical gradient.
 *
 * ## Check your own gradients
 *
 * Your checker from exercise 02 is one import away; run it from a scratch file in `exercises/`
 * (see the README) before you grade:
 *
 *     import { gradientCheck } from "./02_gradient_check.ts";
 *     // A random upstream gradient: L = Σ out ⊙ dout has exactly dout as its gradient on out.
 *     const dout = Matrix.from([[0.3, -1.2], [0.7, 0.1], [-0.5, 0.9]]); // N×H: X is 3×D, W D×2
 *     const f = (W: Matrix) => affineForward(X, W, b).out.mul(dout).sum();
 *     const { dW } = affineBackward(dout, affineForward(X, W, b).cache);
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
 * returned matrix or with what an earlier call returned, except inside a forward's `cache`
 * (which may hold the forward's own inputs; the grader checks).
 *
 * @module
 */

// deno-lint-ignore-file no-unused-vars
import { Matrix, todo } from "@gradkit/lib";

/** What `affineForward` keeps for `affineBackward`: the inputs the gradients need. */
export interface AffineCache {
  /** The input batch, N×D. */
  X: Matrix;
  /** The weights, D×H. */
  W: Matrix;
}

/**
 * The forward pass: `out = X·W + b`, with `b` added to every row.
 *
 * @param X the batch, N×D (rows are examples)
 * @param W the weights, D×H
 * @param b the bias, 1×H
 * @returns `out` (N×H) and a `cache` for {@linkcode affineBackward}
 *
 * @example
 * ```ts
 * const { out, cache } = affineForward(X, W, b); // out: N×H
 * ```
 */
export function affineForward(
  X: Matrix,
  W: Matrix,
  b: Matrix,
): { out: Matrix; cache: AffineCache } {
  return todo("affineForward");
}

/**
 * The backward pass: the gradients of the loss with respect to X, W and b.
 *
 * @param dout the upstream gradient ∂L/∂out, N×H
 * @param cache what {@linkcode affineForward} returned with `out`
 * @returns `dX` (N×D), `dW` (D×H) and `db` (1×H): ∂L/∂X, ∂L/∂W and ∂L/∂b
 *
 * @example
 * ```ts
 * const { dX, dW, db } = affineBackward(dout, cache);
 * ```
 */
export function affineBackward(
  dout: Matrix,
  cache: AffineCache,
): { dX: Matrix; dW: Matrix; db: Matrix } {
  return todo("affineBackward");
}
