// deno-lint-ignore-file no-unused-vars
/**
 * # The sigmoid through atomic gates
 *
 * Which pieces of an expression count as gates is up to you. `sigmoid_neuron` treated the sigmoid
 * σ(x) = 1 / (1 + e⁻ˣ) as one gate with one local derivative, worked out once on paper. You can
 * just as well cut it into four gates so simple that each local derivative is one you know by
 * heart, and let the chain rule do the algebra:
 *
 *     a   = −x           (multiply by −1)
 *     b   = exp(a)       (exponential)
 *     c   = 1 + b        (add a constant 1)
 *     out = 1 / c        (reciprocal)
 *
 * Walked back in reverse order, each gate multiplies the gradient arriving from above by its own
 * local derivative, evaluated at the value that entered it in the forward pass. The result must
 * be the same gradient as the fused gate's, up to rounding: the tests compare them. Fusing is a
 * matter of convenience: one gate with a short local derivative is less code and fewer stored
 * values than four, and (try your staged backward at x = −800 and look at what the exp gate
 * does) it can be kinder to floating point.
 *
 * The split is yours: you may stage the sigmoid through your four atomic gates as above, or cut
 * it elsewhere; the tests judge `sigmoidStagedBackward` only by the gradient it returns. The four
 * atomic gates are tested one by one.
 *
 * ## Worked forward
 *
 *     x = 2:   a = −2,  b = e⁻² ≈ 0.135335,  c ≈ 1.135335,  out ≈ 0.880797
 *     x = 0:   a = 0,   b = 1,              c = 2,          out = 0.5
 *     x = −1:  a = 1,   b = e ≈ 2.718282,   c ≈ 3.718282,   out ≈ 0.268941
 *
 * ## The convention of this kit
 *
 * - Every gate works entry by entry on an r×c matrix and returns an r×c matrix.
 * - Each atomic gate's backward takes the gate's **input** `x` (what entered its forward) and
 *   the upstream gradient `dout`, and returns ∂L/∂x, r×c. `dout` is never all ones.
 * - The reciprocal gate is never given an input near 0 in the tests.
 * - `sigmoidStagedForward` returns `{ out, cache }`; the cache is a plain object of matrices
 *   (your choice of which) that the tests hand back, unchanged, to `sigmoidStagedBackward`.
 *   A network calls two forwards before the first backward: keep nothing between calls outside
 *   the cache. The staged sigmoid is tested for |x| ≤ 30.
 * - `sigmoidFusedForward` computes σ in one gate and must stay finite and right for |x| up to
 *   1000; `sigmoidFusedBackward` takes the fused forward's **output** and `dout`.
 * - No input (the cache included) may be modified; return new values.
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative (an array relative to its largest entry), which a float32
 * computation (`Float32Array`, `Math.fround`) misses by a factor of 100 or more.
 *
 * Return new matrices: nothing you return may share memory with an argument, with another
 * returned matrix or with what an earlier call returned, except inside a forward's `cache`
 * (which may hold the forward's own input; the grader checks).
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";

/** What {@linkcode sigmoidStagedForward} keeps for its backward: your choice of matrices. */
export type StagedCache = Record<string, unknown>;

/**
 * The multiply-by-−1 gate: −x.
 *
 * @param x input, r×c.
 * @returns −x, r×c.
 */
export function negateForward(x: Matrix): Matrix {
  return todo("negateForward");
}

/**
 * Backward of the multiply-by-−1 gate.
 *
 * @param x what entered {@linkcode negateForward}, r×c.
 * @param dout upstream gradient, r×c.
 * @returns ∂L/∂x, r×c.
 */
export function negateBackward(x: Matrix, dout: Matrix): Matrix {
  return todo("negateBackward");
}

/**
 * The exponential gate: eˣ at every entry.
 *
 * @param x input, r×c.
 * @returns eˣ, r×c.
 */
export function expForward(x: Matrix): Matrix {
  return todo("expForward");
}

/**
 * Backward of the exponential gate.
 *
 * @param x what entered {@linkcode expForward}, r×c.
 * @param dout upstream gradient, r×c.
 * @returns ∂L/∂x, r×c.
 */
export function expBackward(x: Matrix, dout: Matrix): Matrix {
  return todo("expBackward");
}

/**
 * The add-one gate: 1 + x.
 *
 * @param x input, r×c.
 * @returns 1 + x, r×c.
 */
export function addOneForward(x: Matrix): Matrix {
  return todo("addOneForward");
}

/**
 * Backward of the add-one gate.
 *
 * @param x what entered {@linkcode addOneForward}, r×c.
 * @param dout upstream gradient, r×c.
 * @returns ∂L/∂x, r×c (a new matrix).
 */
export function addOneBackward(x: Matrix, dout: Matrix): Matrix {
  return todo("addOneBackward");
}

/**
 * The reciprocal gate: 1 / x at every entry.
 *
 * @param x input, r×c, no entry near 0.
 * @returns 1 / x, r×c.
 */
export function reciprocalForward(x: Matrix): Matrix {
  return todo("reciprocalForward");
}

/**
 * Backward of the reciprocal gate.
 *
 * @param x what entered {@linkcode reciprocalForward}, r×c.
 * @param dout upstream gradient, r×c.
 * @returns ∂L/∂x, r×c.
 */
export function reciprocalBackward(x: Matrix, dout: Matrix): Matrix {
  return todo("reciprocalBackward");
}

/**
 * The sigmoid staged through gates of your choice (the four above, say), keeping in the cache
 * what the backward needs.
 *
 * @param x input, r×c, |x| ≤ 30 in the tests.
 * @returns `{ out, cache }`: out = σ(x), r×c.
 *
 * @example
 * ```ts
 * const { out } = sigmoidStagedForward(Matrix.from([[2, 0, -1]]));
 * // out ≈ [[0.880797, 0.5, 0.268941]]
 * ```
 */
export function sigmoidStagedForward(x: Matrix): { out: Matrix; cache: StagedCache } {
  return todo("sigmoidStagedForward");
}

/**
 * The staged sigmoid's backward: back through your gates, in reverse order, with their
 * backwards.
 *
 * @param dout upstream gradient with respect to out, r×c.
 * @param cache what {@linkcode sigmoidStagedForward} returned with the output (not modified).
 * @returns ∂L/∂x, r×c.
 */
export function sigmoidStagedBackward(dout: Matrix, cache: StagedCache): Matrix {
  return todo("sigmoidStagedBackward");
}

/**
 * The sigmoid as one fused gate: σ(x) = 1 / (1 + e⁻ˣ), finite and right for |x| up to 1000.
 *
 * @param x input, r×c.
 * @returns σ(x), r×c.
 */
export function sigmoidFusedForward(x: Matrix): Matrix {
  return todo("sigmoidFusedForward");
}

/**
 * The fused sigmoid gate's backward, from the forward's output (`sigmoid_neuron` derived its local
 * derivative).
 *
 * @param out what {@linkcode sigmoidFusedForward} returned, r×c.
 * @param dout upstream gradient, r×c.
 * @returns ∂L/∂x, r×c.
 */
export function sigmoidFusedBackward(out: Matrix, dout: Matrix): Matrix {
  return todo("sigmoidFusedBackward");
}
