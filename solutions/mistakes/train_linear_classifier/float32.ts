/**
 * Trains in float32 (W, b and every intermediate rounded to single precision): the right
 * steps, about 7 significant digits, where the kit requires float64.
 *
 * @module
 */
export * from "../../16_train_linear_classifier.ts";
import { Matrix } from "@gradkit/lib";
import type { TrainOptions, TrainResult } from "../../16_train_linear_classifier.ts";

const f32 = (m: Matrix) => m.map(Math.fround);

export function trainLinearClassifier(
  X: Matrix,
  y: Int32Array,
  classes: number,
  options: TrainOptions,
): TrainResult {
  const { learningRate, steps, reg } = options;
  const n = X.rows;
  const X32 = f32(X);
  let W = Matrix.zeros(X.cols, classes);
  let b = Matrix.zeros(1, classes);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const S = f32(X32.matmul(W).add(b));
    const shifted = f32(S.sub(S.rowMax()));
    const E = f32(shifted.exp());
    const sums = f32(E.rowSums());
    const correct = shifted.pick(y);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      loss = Math.fround(loss + Math.fround(Math.log(sums.data[i])) - correct[i]);
    }
    losses.push(Math.fround(Math.fround(loss / n) + Math.fround(reg * W.square().sum())));
    const dS = f32(E.div(sums).map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n));
    W = f32(W.sub(f32(X32.T.matmul(dS)).add(W.mul(2 * reg)).mul(learningRate)));
    b = f32(b.sub(dS.colSums().mul(learningRate)));
  }
  return { W, b, losses };
}
