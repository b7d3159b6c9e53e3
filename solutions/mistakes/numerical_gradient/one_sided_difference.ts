/**
 * One-sided difference: (f(x + h) − f(x)) / h, whose error is proportional to h.
 *
 * Evaluates f(x) afresh for every entry, so the number of calls (2n) looks right; only the
 * accuracy gives it away.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** Forward difference instead of centered. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    const base = f(x);
    x.data[i] = old + h;
    const plus = f(x);
    x.data[i] = old;
    grad.data[i] = (plus - base) / h;
  }
  return grad;
}
