/**
 * # Exercise 02: backward through single gates
 *
 * Backpropagation is a walk backwards through a circuit of small operations ("gates"). Each
 * gate only has to know two things: how to compute its output from its inputs, and how its
 * output changes when one input changes a little (its local derivative). During the backward
 * walk a gate is handed the gradient of the final result with respect to its output, the
 * upstream gradient `dout`, and it passes on, for each input,
 *
 *     gradient for that input = local derivative × upstream gradient
 *
 * That is the chain rule, one gate at a time; the gate never needs to know what the rest of
 * the circuit looks like.
 *
 * Every gate here works element-wise on matrices: all inputs, the output and `dout` have the
 * same shape (r×c, any shape), and each entry is its own little gate. So the products below
 * are entry-by-entry products (`Matrix.mul`), never matrix products.
 *
 * The gates and their local rules (out is the gate's output):
 * - add, out = x + y: ∂out/∂x = 1 and ∂out/∂y = 1. The add gate hands the upstream gradient
 *   unchanged to both inputs: it distributes.
 * - multiply, out = x ⊙ y: ∂out/∂x = y and ∂out/∂y = x. Each input receives the upstream
 *   gradient scaled by the *other* input: it swaps.
 * - max, out = max(x, y): the derivative is 1 for the input that won and 0 for the other. The
 *   whole upstream gradient goes to the larger input and nothing to the smaller: it routes.
 *   (At a tie there is no derivative; the tests never produce one.)
 * - sigmoid, out = σ(x) = 1 / (1 + e⁻ˣ): dσ/dx = σ(x)·(1 − σ(x)) = out·(1 − out). The local
 *   derivative is written with the output, so the backward only needs what the forward
 *   returned.
 *
 * Conventions for every function below: inputs are never modified, and every returned matrix
 * is a new one (for the add gate, return copies such as `dout.clone()`, not `dout` itself, so
 * that whoever receives the two gradients may change one without changing the other).
 *
 * @example The multiply gate on 1×2 matrices
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { multiplyBackward } from "./02_gates.ts";
 * const x = Matrix.rowVector([2, -1]), y = Matrix.rowVector([3, 4]);
 * const dout = Matrix.rowVector([0.5, 2]);
 * const { dx, dy } = multiplyBackward(x, y, dout);
 * // dx = y ⊙ dout = [[1.5, 8]], dy = x ⊙ dout = [[1, -2]]
 * ```
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

/** Gradients of a two-input gate: same shape as the inputs. */
export interface GateGradients {
  /** Gradient with respect to the first input x. */
  dx: Matrix;
  /** Gradient with respect to the second input y. */
  dy: Matrix;
}

/**
 * Backward of the add gate out = x + y.
 *
 * @param dout upstream gradient, r×c.
 * @returns `{ dx, dy }`, both r×c and both equal to `dout` (as new matrices).
 */
export function addBackward(dout: Matrix): GateGradients {
  return todo("addBackward");
}

/**
 * Backward of the multiply gate out = x ⊙ y (element-wise).
 *
 * dx = y ⊙ dout and dy = x ⊙ dout.
 *
 * @param x first input, r×c.
 * @param y second input, r×c.
 * @param dout upstream gradient, r×c.
 * @returns `{ dx, dy }`, both r×c.
 */
export function multiplyBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  return todo("multiplyBackward");
}

/**
 * Backward of the max gate out = max(x, y) (element-wise).
 *
 * Entry by entry: where x > y, dx gets dout and dy gets 0; where y > x, dy gets dout and dx
 * gets 0.
 *
 * @param x first input, r×c.
 * @param y second input, r×c (never equal to x at the same entry in the tests).
 * @param dout upstream gradient, r×c.
 * @returns `{ dx, dy }`, both r×c.
 */
export function maxBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  return todo("maxBackward");
}

/**
 * The sigmoid gate's forward: σ(x) = 1 / (1 + e⁻ˣ) at every entry, between 0 and 1.
 *
 * It must stay finite for inputs as large as ±1000. e⁻ˣ overflows to Infinity for x below
 * about −709, and e^x overflows above +709: write σ so that the exponential you compute never
 * has a large positive argument (for x < 0, σ(x) = eˣ / (1 + eˣ) is the same number), or check
 * that your formula still gives 0 and 1 at the extremes rather than NaN (Infinity / Infinity).
 *
 * @param x input, r×c.
 * @returns σ(x), r×c.
 */
export function sigmoidForward(x: Matrix): Matrix {
  return todo("sigmoidForward");
}

/**
 * The sigmoid gate's backward, from the forward's OUTPUT (not its input).
 *
 * dx = out ⊙ (1 − out) ⊙ dout.
 *
 * @param out what {@linkcode sigmoidForward} returned, r×c (entries between 0 and 1).
 * @param dout upstream gradient, r×c.
 * @returns dx, r×c.
 */
export function sigmoidBackward(out: Matrix, dout: Matrix): Matrix {
  return todo("sigmoidBackward");
}
