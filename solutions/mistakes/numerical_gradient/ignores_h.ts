/**
 * Ignores the step it is given and always uses 1e-5.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** A hard-coded step shadows the parameter. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, _h = 1e-5): Matrix {
  const h = 1e-5;
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const plus = f(x);
    x.data[i] = old - h;
    const minus = f(x);
    x.data[i] = old;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}
