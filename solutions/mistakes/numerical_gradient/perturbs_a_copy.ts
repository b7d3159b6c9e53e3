/**
 * Evaluates f on a perturbed copy of x instead of x itself: a function that reads the numbers
 * where they live (like a loss reading a network's weights) would never see the change.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

/** Clones x for every evaluation. */
export function numericalGradient(f: (x: Matrix) => number, x: Matrix, h = 1e-5): Matrix {
  const grad = new Matrix(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const plus = x.clone();
    plus.data[i] += h;
    const minus = x.clone();
    minus.data[i] -= h;
    grad.data[i] = (f(plus) - f(minus)) / (2 * h);
  }
  return grad;
}
