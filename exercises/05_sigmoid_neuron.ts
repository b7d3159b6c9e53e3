/**
 * # Exercise 05: a sigmoid neuron, with staged backprop
 *
 * One neuron takes a weighted sum of its inputs, adds a bias, and squashes the result with
 * the sigmoid. Here it runs on a whole batch at once, one example per row:
 *
 *     z   = x · w + b        x is N×D (N examples, D features), w is D×1, b a number: z is N×1
 *     out = σ(z)             σ(z) = 1 / (1 + e⁻ᶻ), entry by entry: out is N×1
 *
 * ## Stage the forward, cache, walk back
 *
 * Rather than differentiating the whole expression at once, split the forward into stages
 * with simple local derivatives, keep the intermediate values, and undo the stages in reverse
 * order during the backward:
 *
 *     dz = out ⊙ (1 − out) ⊙ dout      (sigmoid stage; written with the output, as in 02)
 *     dw = xᵀ · dz                      (D×N times N×1: D×1, the shape of w)
 *     db = Σᵢ dzᵢ                       (b was added to every example, so every row's dz reaches it)
 *     dx = dz · wᵀ                      (N×1 times 1×D: N×D, the shape of x)
 *
 * The shapes are a reliable guide: a gradient always has the shape of the thing it is the
 * gradient of, and there is usually only one way to combine the pieces that gives it.
 *
 * Conventions the grader relies on:
 * - rows are examples; `dout` (N×1) is the gradient of some final loss with respect to each
 *   example's output, so it already says how much each example matters: there is NO division
 *   by N anywhere in this exercise, db is a plain sum over the batch;
 * - the cache is a plain object of matrices and numbers (handed back to your backward
 *   unchanged; `{ x, w, out }` is enough), and nothing modifies its arguments or the cache;
 * - `neuronForward` stays finite when |x·w + b| reaches 1000 (use a sigmoid that cannot
 *   overflow, like the one you wrote in 02).
 *
 * @example One example with two features
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { neuronBackward, neuronForward } from "./05_sigmoid_neuron.ts";
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
 * Backward pass of the neuron: the sigmoid stage first, then the weighted sum.
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
