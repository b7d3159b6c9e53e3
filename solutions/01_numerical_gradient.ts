/**
 * # Exercise 01: the numerical gradient (solution)
 *
 * Centered differences, one coordinate at a time, perturbing `x` in place and restoring each
 * entry by assignment before the next.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/**
 * The gradient of `f` at `x` by centered differences with step `h`: entry i is
 * ( f(x with xᵢ + h) − f(x with xᵢ − h) ) / (2h). `f` is called with `x` itself, 2·n times;
 * `x` is restored exactly.
 *
 * @param f a scalar function of a matrix.
 * @param x the point, any shape; restored before returning.
 * @param h the step on each side (default 1e-5).
 * @returns a new Matrix of the shape of `x`.
 */
export function numericalGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  const d = x.data;
  for (let i = 0; i < d.length; i++) {
    const old = d[i];
    d[i] = old + h;
    const plus = f(x);
    d[i] = old - h;
    const minus = f(x);
    d[i] = old;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}
