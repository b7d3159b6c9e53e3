/**
 * # Exercise 01: the numerical gradient
 *
 * Every analytic gradient you write in this course will be checked against a gradient that
 * needs no calculus at all: nudge one input a tiny bit, see how much the output moves, divide.
 * It is slow (two evaluations of the function per input coordinate) and only approximate, but
 * it is hard to get wrong, which is exactly what you want from a referee.
 *
 * ## Centered differences
 *
 * For a scalar function f of a matrix x, the partial derivative with respect to one entry xᵢ
 * is the slope of f when xᵢ alone moves and every other entry stays where it is. Measure that
 * slope with a centered difference: evaluate f once with xᵢ moved a distance h up and once with
 * it moved the same distance h down, and take the slope of the straight line through those two
 * points (how far f rose between them, over how far apart they are). Turning that sentence into
 * one line of arithmetic is your first small derivation.
 *
 * Why both sides? A one-sided slope, from f at xᵢ to f at xᵢ + h, is off by an amount that
 * shrinks only like h (it feels the curvature of f), while the centered slope's error shrinks
 * like h²: with h = 1e-5 that is the difference between about five correct digits and about
 * ten, because the curvature seen on the two sides cancels.
 *
 * ## In place, one coordinate at a time
 *
 * The function you check usually reads numbers that live somewhere else (the weights of a
 * network, say), so the numerical gradient changes those numbers where they are instead of
 * building a new input for every evaluation. Here that means: call `f(x)` with the very
 * Matrix `x` you were given, after writing the perturbed value into `x.data[i]`. Then put the
 * entry back before moving on. Put it back by assigning the value you saved, not by adding and
 * subtracting h again: `(v + h) - h` is not always exactly `v` in floating point, and the
 * grader checks that `x` comes back bit for bit identical.
 *
 * @example A hand-sized case: f(x) = x₀² + 3·x₁ at x = [1, 2]
 * ```ts
 * import { Matrix } from "@gradkit/lib";
 * import { numericalGradient } from "./01_numerical_gradient.ts";
 * const x = Matrix.rowVector([1, 2]);
 * const g = numericalGradient((m) => m.data[0] ** 2 + 3 * m.data[1], x);
 * // g ≈ [[2, 3]] (the exact gradient is 2·x₀ and 3); x is still [[1, 2]]
 * ```
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`). Return a new Matrix on every
 * call: the gradient must not share memory with `x` or with what an earlier call returned
 * (the grader checks).
 *
 * @module
 */

// deno-lint-ignore-file no-unused-vars
import { Matrix, todo } from "@gradkit/lib";

/**
 * The gradient of `f` at `x` by centered differences with step `h`.
 *
 * For every entry i of `x` (in any order; row-major is the natural one):
 * 1. remember `old = x.data[i]`;
 * 2. write `old + h` into `x.data[i]` and evaluate `f(x)`;
 * 3. write `old − h` into `x.data[i]` and evaluate `f(x)`;
 * 4. write `old` back into `x.data[i]`;
 * 5. the gradient's entry i is the centered slope through those two values (the steps were
 *    h to each side of `old`).
 *
 * Conventions the grader checks:
 * - `f` is always called with `x` itself (the same Matrix object, never a copy), and at every
 *   call at most one entry of `x` differs from its original value;
 * - about two calls of `f` per entry (2·n in total for n entries; one extra call of `f(x)` is
 *   tolerated but not needed);
 * - use the `h` you are given (default 1e-5);
 * - when the function returns, `x` is exactly as it was.
 *
 * @param f a scalar function of a matrix; it reads the entries of the matrix it is given.
 * @param x the point, any shape (a 1×n row, an n×1 column or an r×c matrix). Modified during
 *   the computation, restored before returning.
 * @param h the step on each side (default 1e-5).
 * @returns a new Matrix of the same shape as `x`: entry (r, c) is ∂f/∂x at (r, c).
 */
export function numericalGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  return todo("numericalGradient");
}
