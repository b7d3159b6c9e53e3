/**
 * One-sided difference with f(x) evaluated once: n + 1 calls instead of 2n.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** The textbook forward difference: f(x) once, then f(x + h) per entry. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  const base = f(x);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    grad.data[i] = (f(x) - base) / h;
    x.data[i] = old;
  }
  return grad;
}
