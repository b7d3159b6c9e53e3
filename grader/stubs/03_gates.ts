/**
 * # Exercise 03: backward through single gates
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
 * same shape (r×c, any shape), and each entry is its own little gate. Products are therefore
 * entry-by-entry products (`Matrix.mul`), never matrix products.
 *
 * ## The gates (forward)
 *
 *     add        out = x + y
 *     multiply   out = x ⊙ y                 (⊙: entry by entry)
 *     max        out = max(x, y)             (entry by entry; the tests never give a tie)
 *     sigmoid    out = σ(x) = 1 / (1 + e⁻ˣ)  (entry by entry; between 0 and 1)
 *
 * ## What to work out
 *
 * For each gate, and each of its inputs, ask: if this one input entry moved by a tiny amount ε
 * and nothing else moved, by how much would the output entry move? That ratio is the local
 * derivative. Then apply the rule above. Try it with numbers before you write code: with
 * x = 2, y = 3, nudge x to 2.001 and recompute each gate's output by hand. For the sigmoid, do
 * the calculus once on paper, and then rewrite your derivative so that it uses only σ(x), the
 * value the forward returned: the backward below receives that output, not x.
 *
 * After you have your rules, check them against your numerical gradient from exercise 01: it
 * is exactly what the grader does.
 *
 * Conventions for every function below: inputs are never modified, and every returned matrix
 * is a new one: never one of the arguments itself, and never the same matrix as another one
 * you return (`m.clone()` makes a copy where you need one), so that whoever receives two
 * gradients may change one without changing the other.
 *
 * @example The gates' forwards on 1×2 matrices
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { sigmoidForward } from "./03_gates.ts";
 * const x = Matrix.rowVector([2, -1]), y = Matrix.rowVector([3, 4]);
 * // x + y = [[5, 3]], x ⊙ y = [[6, -4]], max(x, y) = [[3, 4]]
 * const out = sigmoidForward(Matrix.rowVector([0, 2]));
 * // out ≈ [[0.5, 0.880797]]   (σ(0) = 1/2, σ(2) = 1 / (1 + e⁻²))
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
 * @returns `{ dx, dy }`, both r×c, two new matrices (not arguments, not one matrix
 *   returned twice).
 */
export function addBackward(dout: Matrix): GateGradients {
  return todo("addBackward");
}

/**
 * Backward of the multiply gate out = x ⊙ y (element-wise).
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
 * Backward of the max gate out = max(x, y) (element-wise). At each entry one input is the
 * larger (the tests never give a tie); think about which input the output followed there.
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
 * The sigmoid gate's backward, from the forward's OUTPUT (not its input): write the
 * sigmoid's derivative in terms of σ(x), which is what `out` holds.
 *
 * @param out what {@linkcode sigmoidForward} returned, r×c (entries between 0 and 1).
 * @param dout upstream gradient, r×c.
 * @returns dx, r×c.
 */
export function sigmoidBackward(out: Matrix, dout: Matrix): Matrix {
  return todo("sigmoidBackward");
}
