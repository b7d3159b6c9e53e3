/**
 * # Exercise 04: the ReLU gate
 *
 * The rectified linear unit keeps positive numbers and replaces negative ones by zero:
 *
 *     relu(x) = max(0, x)        (at every entry)
 *
 * It is a max gate (exercise 03) whose second input is the constant 0. Before you code the
 * backward, picture the graph of max(0, x) against x: two straight pieces. What is the slope
 * on each piece, and so what happens to an upstream gradient that arrives at an entry whose
 * input was positive, or negative?
 *
 * At exactly x = 0 the graph has a corner and no slope. This kit's convention: the derivative
 * at 0 is taken to be 0, the same as on the negative side (the tests check this point).
 *
 * ## Forward, cache, backward
 *
 * From here on layers come in pairs. The forward returns its output together with a `cache`,
 * a plain object holding whatever the backward will need; the backward receives the upstream
 * gradient and that cache, and returns the gradient with respect to the forward's input. The
 * grader hands your cache back to your backward exactly as your forward returned it, so it
 * may hold matrices, numbers and plain objects (not functions or class instances other than
 * Matrix). For ReLU, `{ x }` is enough (the output would do as well: it has the same sign
 * pattern).
 *
 * Neither function may modify its arguments, the cache included: build new matrices.
 *
 * @example
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { reluBackward, reluForward } from "./04_relu.ts";
 * const { out, cache } = reluForward(Matrix.from([[1.5, -2], [0, 3]]));
 * // out = [[1.5, 0], [0, 3]]; cache holds what your backward will need
 * const dx = reluBackward(Matrix.from([[10, 20], [30, 40]]), cache); // 2×2, like x
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

/** What {@linkcode reluForward} keeps for {@linkcode reluBackward}: your choice of fields. */
export type ReluCache = Record<string, unknown>;

/**
 * ReLU forward: out = max(0, x) at every entry.
 *
 * @param x input, any shape r×c (for a layer: N examples by H units).
 * @returns `{ out, cache }`: out is a new r×c matrix; cache is a plain object for the backward.
 */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  return todo("reluForward");
}

/**
 * ReLU backward: the gradient with respect to the forward's input x (the derivative at
 * exactly 0 taken as 0).
 *
 * @param dout upstream gradient, r×c (the gradient with respect to the forward's output).
 * @param cache what {@linkcode reluForward} returned with the output.
 * @returns dx, a new r×c matrix.
 */
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  return todo("reluBackward");
}
