/**
 * # Exercise 06: a sigmoid neuron, with staged backprop
 *
 * One neuron takes a weighted sum of its inputs, adds a bias, and squashes the result with
 * the sigmoid. Here it runs on a whole batch at once, one example per row:
 *
 *     z   = x · w + b        x is N×D (N examples, D features), w is D×1, b a number: z is N×1
 *     out = σ(z)             σ(z) = 1 / (1 + e⁻ᶻ), entry by entry: out is N×1
 *
 * ## The model derivation of the course
 *
 * This is the one exercise whose doc comment derives the whole backward pass for you, step by
 * step. It is the model: every later stub states only the forward, its conventions and its
 * shapes, and leaves the backward to you, to derive in the same four moves. (The hints,
 * `./deno task hint <exercise> 1|2|3`, help when you are stuck.)
 *
 * **1. Stage the forward.** Split it into pieces whose local derivatives are easy, and name
 * every intermediate value:
 *
 *     z   = x · w + b        (the weighted sum: one matrix product and an added number)
 *     out = σ(z)             (the sigmoid gate of exercise 03)
 *
 * Keep in the cache what the backward will need: here x, w and out.
 *
 * **2. Know what arrives.** The backward is handed dout (N×1): entry i is ∂L/∂outᵢ for some
 * final loss L we never see. Every gradient we return is a ∂L/∂(something), obtained by the
 * chain rule from dout.
 *
 * **3. Walk the stages in reverse, one local derivative at a time.**
 *
 * - The sigmoid stage. Each outᵢ depends only on zᵢ, and dσ/dz = e⁻ᶻ / (1 + e⁻ᶻ)². Add and
 *   subtract 1 in the numerator: e⁻ᶻ / (1 + e⁻ᶻ)² = [(1 + e⁻ᶻ) − 1] / (1 + e⁻ᶻ)² =
 *   σ(z) − σ(z)² = σ(z)·(1 − σ(z)). Written with the cached output, the chain rule gives
 *
 *       dzᵢ = outᵢ · (1 − outᵢ) · doutᵢ          dz is N×1
 *
 * - The weighted sum, entry by entry: zᵢ = Σ_d x[i,d]·w[d] + b. Ask of each input which zᵢ it
 *   appears in, and with which factor, then add up over all of them (exercise 05: a value used
 *   several times collects the sum of its gradients).
 *   - w[d] appears in every example's zᵢ, with factor x[i,d]: dw[d] = Σᵢ x[i,d]·dzᵢ. As
 *     matrices, dw = xᵀ · dz, (D×N)·(N×1) = D×1.
 *   - b appears in every zᵢ with factor 1: db = Σᵢ dzᵢ, a plain sum over the batch.
 *   - x[i,d] appears only in zᵢ, with factor w[d]: dx[i,d] = dzᵢ·w[d]. As matrices,
 *     dx = dz · wᵀ, (N×1)·(1×D) = N×D.
 *
 * **4. Check the shapes, then the numbers.** A gradient has the shape of what it is the
 * gradient of (dw is D×1 like w, dx N×D like x, db a number like b), and usually only one
 * product of the pieces has that shape. Then compare with a numerical gradient (your exercise
 * 01) on a small case: that is what the grader does.
 *
 * ## Conventions the grader relies on
 *
 * - Rows are examples; `dout` (N×1) is the gradient of some final loss with respect to each
 *   example's output, so it already says how much each example matters: there is NO division
 *   by N anywhere in this exercise, db is a plain sum over the batch.
 * - The cache is a plain object of matrices and numbers (handed back to your backward
 *   unchanged; `{ x, w, out }` is enough), and nothing modifies its arguments or the cache.
 * - `neuronForward` stays finite when |x·w + b| reaches 1000 (use a sigmoid that cannot
 *   overflow, like the one you wrote in 02).
 *
 * @example One example with two features, worked through
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { neuronBackward, neuronForward } from "./06_sigmoid_neuron.ts";
 * const x = Matrix.from([[-1, -2]]); // 1×2
 * const w = Matrix.columnVector([2, -3]); // 2×1
 * const { out, cache } = neuronForward(x, w, -3); // z = −2 + 6 − 3 = 1, out = σ(1) ≈ 0.7311
 * const { dx, dw, db } = neuronBackward(Matrix.from([[1]]), cache);
 * // dz = 0.7311·0.2689 ≈ 0.1966; dw ≈ [[-0.1966], [-0.3932]], db ≈ 0.1966,
 * // dx ≈ [[0.3932, -0.5898]]
 * ```
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

/** What {@linkcode neuronForward} keeps for {@linkcode neuronBackward}: your choice of fields. */
export type NeuronCache = Record<string, unknown>;

/**
 * Forward pass of the neuron on a batch: out = σ(x·w + b).
 *
 * @param x inputs, N×D, one example per row.
 * @param w weights, D×1.
 * @param b bias, a number added to every example's weighted sum.
 * @returns `{ out, cache }`: out is N×1 with entries between 0 and 1.
 */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: Matrix; cache: NeuronCache } {
  return todo("neuronForward");
}

/**
 * Backward pass of the neuron: the sigmoid stage first, then the weighted sum (derived in
 * full in this file's doc comment: the course's model derivation).
 *
 * @param dout upstream gradient with respect to out, N×1.
 * @param cache what {@linkcode neuronForward} returned with the output.
 * @returns `{ dx, dw, db }`: dx is N×D, dw is D×1, db is a number (summed over the batch).
 */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  return todo("neuronBackward");
}
