/**
 * Correct, written differently: the trainer with loops, the factor 2/N applied to the weights'
 * gradient instead of the scores' and the loss summed before it is divided.
 *
 * @module
 */
export * from "../../10_input_scale.ts";
import { Matrix } from "@gradkit/lib";

export function trainLinearRegression(
  X: Matrix,
  y: Matrix,
  options: { learningRate: number; steps: number },
): { w: Matrix; losses: number[] } {
  const n = X.rows, d = X.cols;
  const w = new Matrix(d, 1);
  const losses: number[] = [];
  const r = new Float64Array(n);
  for (let step = 0; step < options.steps; step++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += X.get(i, k) * w.data[k];
      r[i] = s - y.data[i];
      sum += r[i] * r[i];
    }
    losses.push(sum / n);
    for (let k = 0; k < d; k++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += X.get(i, k) * r[i];
      w.data[k] -= options.learningRate * ((2 * g) / n);
    }
  }
  return { w, losses };
}
