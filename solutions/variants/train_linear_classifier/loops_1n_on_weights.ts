/**
 * Correct, written differently: loops, log-sum-exp, 1/N applied to dW and db.
 *
 * @module
 */
export * from "../../19_train_linear_classifier.ts";
import { Matrix } from "@gradkit/lib";
import type { TrainOptions, TrainResult } from "../../19_train_linear_classifier.ts";

export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  const { learningRate, steps, reg } = options;
  const n = X.rows, d = X.cols, c = classes;
  const W = new Matrix(d, c);
  const b = new Matrix(1, c);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const dW = new Matrix(d, c);
    const db = new Matrix(1, c);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const s = new Float64Array(c);
      for (let j = 0; j < c; j++) {
        s[j] = b.data[j];
        for (let k = 0; k < d; k++) s[j] += X.data[i * d + k] * W.data[k * c + j];
      }
      let m = -Infinity;
      for (let j = 0; j < c; j++) m = Math.max(m, s[j]);
      let sum = 0;
      for (let j = 0; j < c; j++) sum += Math.exp(s[j] - m);
      const lse = m + Math.log(sum);
      total += lse - s[y[i]];
      for (let j = 0; j < c; j++) {
        const g = Math.exp(s[j] - lse) - (j === y[i] ? 1 : 0);
        db.data[j] += g;
        for (let k = 0; k < d; k++) dW.data[k * c + j] += X.data[i * d + k] * g;
      }
    }
    let squares = 0;
    for (const w of W.data) squares += w * w;
    losses.push(total / n + reg * squares);
    for (let k = 0; k < d * c; k++) {
      W.data[k] -= learningRate * (dW.data[k] / n + 2 * reg * W.data[k]);
    }
    for (let j = 0; j < c; j++) b.data[j] -= learningRate * (db.data[j] / n);
  }
  return { W, b, losses };
}
