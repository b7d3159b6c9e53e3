/**
 * Never puts the perturbed entry back: x is left at x − h everywhere, and later entries are
 * differentiated at a shifted point.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** Forgets step 4 (write the saved value back). */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const old = x.data[i];
    x.data[i] = old + h;
    const plus = f(x);
    x.data[i] = old - h;
    const minus = f(x);
    grad.data[i] = (plus - minus) / (2 * h);
  }
  return grad;
}
