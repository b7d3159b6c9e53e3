/**
 * Correct, written differently: the standard deviation from the mean of squares minus the
 * squared mean (one pass), and dW by loops.
 *
 * @module
 */
export * from "../../10_input_scale.ts";
import { Matrix } from "@gradkit/lib";

export function standardizeFeatures(X: Matrix): { Xn: Matrix; mean: Matrix; std: Matrix } {
  const n = X.rows, d = X.cols;
  const mean = new Matrix(1, d), std = new Matrix(1, d);
  for (let k = 0; k < d; k++) {
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = X.data[i * d + k];
      s += v;
      s2 += v * v;
    }
    mean.data[k] = s / n;
    std.data[k] = Math.sqrt(s2 / n - (s / n) ** 2);
  }
  return { Xn: X.sub(mean).div(std), mean, std };
}

export function weightGradient(X: Matrix, dS: Matrix): Matrix {
  const n = X.rows, d = X.cols, c = dS.cols;
  const dW = new Matrix(d, c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      for (let j = 0; j < c; j++) dW.data[k * c + j] += X.data[i * d + k] * dS.data[i * c + j];
    }
  }
  return dW;
}
