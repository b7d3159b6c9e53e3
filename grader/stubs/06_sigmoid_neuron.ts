/**
 * # Exercise 06: a sigmoid neuron, with staged backprop
 *
 * One neuron takes a weighted sum of its inputs, adds a bias, and squashes the result with
 * the sigmoid. Here it sees a single example: D numbers in a row x, one weight per input in a
 * row w of the same shape, and a bias b:
 *
 *     z   = x·w + b          x·w = Σ_d x[d]·w[d], a dot product: z is a number
 *     out = σ(z)             σ(z) = 1 / (1 + e⁻ᶻ): out is a number between 0 and 1
 *
 * (Exercise 09 then does the same for a whole batch of examples and a layer of neurons at once.)
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
 *     z   = x·w + b          (the weighted sum: a dot product and an added number)
 *     out = σ(z)             (the sigmoid gate of exercise 03)
 *
 * Keep in the cache what the backward will need: here x, w and out.
 *
 * **2. Know what arrives.** The backward is handed dout, a number: ∂L/∂out for some final loss
 * L we never see. Every gradient we return is a ∂L/∂(something), obtained by the chain rule
 * from dout.
 *
 * **3. Walk the stages in reverse, one local derivative at a time.**
 *
 * - The sigmoid stage. dσ/dz = e⁻ᶻ / (1 + e⁻ᶻ)². Add and subtract 1 in the numerator:
 *   e⁻ᶻ / (1 + e⁻ᶻ)² = [(1 + e⁻ᶻ) − 1] / (1 + e⁻ᶻ)² = σ(z) − σ(z)² = σ(z)·(1 − σ(z)).
 *   Written with the cached output, the chain rule gives
 *
 *       dz = out · (1 − out) · dout              dz is a number
 *
 * - The weighted sum, term by term: z = x[0]·w[0] + x[1]·w[1] + … + b. Ask of each input
 *   which term it appears in, and with which factor (exercise 03's multiply gate: each factor's
 *   gradient is the other factor times what arrives).
 *   - w[d] appears only in the term x[d]·w[d], with factor x[d]: dw[d] = x[d]·dz. So dw is
 *     the row x scaled by dz: 1×D, like w.
 *   - x[d] appears only in that same term, with factor w[d]: dx[d] = w[d]·dz, 1×D like x.
 *   - b is added with factor 1: db = dz.
 *
 * **4. Check the shapes, then the numbers.** A gradient has the shape of what it is the
 * gradient of (dw is 1×D like w, dx 1×D like x, db a number like b). Then compare with a
 * numerical gradient (your exercises 01 and 02) on a small case: that is what the grader does.
 *
 * ## Conventions the grader relies on
 *
 * - x and w are 1×D `Matrix` rows of the same shape; b, out and dout are plain numbers.
 * - The cache is a plain object of matrices and numbers (handed back to your backward
 *   unchanged; `{ x, w, out }` is enough), and nothing modifies its arguments or the cache.
 * - `neuronForward` stays finite when |x·w + b| reaches 1000 (use a sigmoid that cannot
 *   overflow, like the one you wrote in 03).
 *
 * @example One example with two features, worked through
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { neuronBackward, neuronForward } from "./06_sigmoid_neuron.ts";
 * const x = Matrix.from([[-1, -2]]); // 1×2
 * const w = Matrix.from([[2, -3]]); // 1×2
 * const { out, cache } = neuronForward(x, w, -3); // z = −2 + 6 − 3 = 1, out = σ(1) ≈ 0.7311
 * const { dx, dw, db } = neuronBackward(1, cache);
 * // dz = 0.7311·0.2689 ≈ 0.1966; dw ≈ [[-0.1966, -0.3932]], db ≈ 0.1966,
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
 * Forward pass of the neuron on one example: out = σ(x·w + b).
 *
 * @param x the example's inputs, a 1×D row.
 * @param w the weights, a 1×D row (one per input).
 * @param b the bias, a number.
 * @returns `{ out, cache }`: out is a number between 0 and 1.
 */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: number; cache: NeuronCache } {
  return todo("neuronForward");
}

/**
 * Backward pass of the neuron: the sigmoid stage first, then the weighted sum (derived in
 * full in this file's doc comment: the course's model derivation).
 *
 * @param dout upstream gradient with respect to out, a number.
 * @param cache what {@linkcode neuronForward} returned with the output.
 * @returns `{ dx, dw, db }`: dx and dw are 1×D rows, db is a number.
 */
export function neuronBackward(
  dout: number,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  return todo("neuronBackward");
}
