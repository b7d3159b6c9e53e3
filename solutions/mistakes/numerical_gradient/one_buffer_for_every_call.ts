/**
 * The gradient is written into a buffer allocated once for the module and returned as a view:
 * each call overwrites the gradient the previous call returned.
 *
 * @module
 */

export * from "../../01_numerical_gradient.ts";
import { Matrix } from "@gradkit/lib";

const buffer = new Float64Array(1024);

/** Centered differences, into the module's buffer. */
export function numericalGradient(
  f: (x: Matrix) => number,
  x: Matrix,
  h = 1e-5,
): Matrix {
  const grad = new Matrix(x.rows, x.cols, buffer.subarray(0, x.size));
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
