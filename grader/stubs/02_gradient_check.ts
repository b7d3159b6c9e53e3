// deno-lint-ignore-file no-unused-vars
/**
 * # Check your own gradients
 *
 * From here on you will write analytic gradients by hand, and the first thing to do with one is
 * to check it. The check has two halves: the numerical gradient of exercise 01, which needs no
 * calculus, and a way to say how far apart two gradients are that does not depend on their
 * scale. You write both here, then use them to look at how the step h itself behaves.
 *
 * ## The relative error
 *
 * An absolute difference of 1e-4 is a disaster when the gradient's entries are about 1e-3 and
 * harmless when they are about 1e4. So compare entry by entry relative to the size of the
 * entries, and report the worst entry:
 *
 *     relError(a, b) = max over entries i of  |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, 1e-8)
 *
 * The 1e-8 is a floor: where both entries are (nearly) zero, dividing by their size would blow
 * a meaningless 1e-15 difference up into a large error, or give 0/0 = NaN for two exact zeros.
 * With the floor, two zeros give 0, and tiny entries are compared absolutely. This is exactly
 * what the tests check: the maximum over entries, this denominator, this floor (an empty
 * matrix is never passed; `a` and `b` always have the same shape).
 *
 * Roughly how to read it, with float64 and h = 1e-5 on a smooth function: about 1e-7 or less,
 * the gradient is right; 1e-4 and above, something is wrong (a factor, a sign, a term); in
 * between, look closer (a kink nearby, or a badly scaled function).
 *
 * ## The check
 *
 * `gradientCheck` takes a function `f`, a point `x` and the gradient you claim f has at x
 * (`analytic`), computes the numerical gradient of f at x by centered differences with the step
 * `h` it is given, and reports both that gradient and its relative error against `analytic`.
 *
 * ## Which step?
 *
 * A centered difference has two kinds of error pulling in opposite directions. With a large h
 * it feels the curvature of f (truncation error, shrinking like h² as h shrinks). With a tiny h,
 * f(x + h) and f(x − h) agree in almost every digit, and the few digits that differ are mostly
 * rounding noise, which the division by a tiny number then magnifies (rounding error, growing
 * like 1/h). `stepSweep` computes the derivative along one coordinate at a list of steps so you
 * can watch this. Once your functions pass, try it: sweep h from 1e-1 down to 1e-13 on a
 * function whose derivative you know (say sin at x = 1) and print the error at each step. Where
 * is it smallest, and why there?
 *
 * @example A hand-sized case
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { gradientCheck, relativeError } from "./02_gradient_check.ts";
 * relativeError(Matrix.rowVector([1, 0, 2e-9]), Matrix.rowVector([1.5, 0, -3e-9]));
 * // entries: 0.5/1.5 ≈ 0.333, 0 (two zeros), 5e-9/1e-8 = 0.5 (the floor) → 0.5
 * const f = (m: Matrix) => m.data[0] ** 2 + 3 * m.data[1];
 * const x = Matrix.rowVector([1, 2]);
 * gradientCheck(f, x, Matrix.rowVector([2, 3]), 1e-5).relError; // tiny, about 1e-11
 * gradientCheck(f, x, Matrix.rowVector([1, 3]), 1e-5).relError; // ≈ 0.5: the 2 of x² is missing
 * // x is still [[1, 2]]
 * ```
 *
 * ## Conventions the grader checks
 *
 * - The numerical gradient is computed as in exercise 01: call `f(x)` with the very Matrix `x`
 *   you were given, with one entry at a time moved by the step, first to `old + h` and then to
 *   `old − h` (written as such: the grader recomputes the same two values and compares tightly,
 *   even at steps where rounding dominates), and assign the saved value back after each entry.
 * - Use the step you are given: `h` for `gradientCheck`, each `steps[k]` for `stepSweep`.
 * - Inputs are unchanged when a function returns (`x` bit for bit, `analytic`, `steps`).
 * - Compute in float64 and return new values: no returned Matrix or array shares memory with an
 *   argument or with what an earlier call returned.
 *
 * @module
 */

import { Matrix, todo } from "@gradkit/lib";

/** What {@linkcode gradientCheck} returns. */
export interface GradientCheckResult {
  /** The centered-difference gradient of `f` at `x`, the same shape as `x`. */
  numeric: Matrix;
  /** `relativeError(analytic, numeric)`: a number, 0 or more. */
  relError: number;
}

/**
 * The largest elementwise relative error between `a` and `b`: the maximum over entries i of
 * |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, 1e-8).
 *
 * @param a a matrix, any shape.
 * @param b a matrix of the same shape as `a`.
 * @returns a number, 0 or more (0 when the two are equal, two zeros included). Neither argument
 *   is modified.
 */
export function relativeError(a: Matrix, b: Matrix): number {
  return todo("relativeError");
}

/**
 * Checks an analytic gradient of `f` at `x` against the centered-difference gradient.
 *
 * @param f a scalar function of a matrix; it reads the entries of the matrix it is given.
 * @param x the point, any shape. Modified during the computation, restored before returning.
 * @param analytic the gradient to check, the same shape as `x`. Not modified.
 * @param h the step on each side (default 1e-5).
 * @returns `{ numeric, relError }`: the numerical gradient (a new Matrix, the shape of `x`) and
 *   `relativeError(analytic, numeric)`.
 */
export function gradientCheck(
  f: (x: Matrix) => number,
  x: Matrix,
  analytic: Matrix,
  h = 1e-5,
): GradientCheckResult {
  return todo("gradientCheck");
}

/**
 * The centered-difference derivative of `f` along entry `i` of `x` (row-major index into
 * `x.data`), once for every step in `steps`.
 *
 * @param f a scalar function of a matrix, as for {@linkcode gradientCheck}.
 * @param x the point, any shape; restored before returning (only entry `i` ever moves).
 * @param i which entry, 0 ≤ i < x.size.
 * @param steps the steps h to try, each above 0, in any order. Not modified.
 * @returns a new Float64Array of the same length as `steps`: entry k is the derivative
 *   estimated with step `steps[k]`.
 */
export function stepSweep(
  f: (x: Matrix) => number,
  x: Matrix,
  i: number,
  steps: Float64Array,
): Float64Array {
  return todo("stepSweep");
}
