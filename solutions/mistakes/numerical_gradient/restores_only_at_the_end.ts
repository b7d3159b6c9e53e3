/**
 * Restores x only once, after the loop: while entry i is perturbed, the earlier entries still
 * sit at old − h, so several coordinates are perturbed at once.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** Saves a copy of x first and writes it back at the end instead of entry by entry. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const saved = x.data.slice();
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    x.data[i] = saved[i] + h;
    const plus = f(x);
    x.data[i] = saved[i] - h;
    const minus = f(x);
    grad.data[i] = (plus - minus) / (2 * h);
  }
  x.data.set(saved);
  return grad;
}
