/**
 * Centered difference divided by h instead of 2h: every entry twice too large.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** The two sides are 2h apart, but the difference is divided by h. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const plus = f(x);
    x.data[i] = old - h;
    const minus = f(x);
    x.data[i] = old;
    grad.data[i] = (plus - minus) / h;
  }
  return grad;
}
