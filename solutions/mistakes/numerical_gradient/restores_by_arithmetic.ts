/**
 * Restores each entry by adding h back instead of assigning the saved value: (v + h) − 2h + h
 * is not always v in floating point, so x comes back slightly changed.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** += h, −= 2h, += h. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    x.data[i] += h;
    const plus = f(x);
    x.data[i] -= 2 * h;
    const minus = f(x);
    x.data[i] += h;
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}
