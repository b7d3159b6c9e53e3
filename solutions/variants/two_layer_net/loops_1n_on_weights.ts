/**
 * Correct, written differently: loops, log-sum-exp, the mask from the ReLU's output, and 1/N
 * applied to the weights' gradients rather than to the scores'.
 *
 * @module
 */
export * from "../../20_two_layer_net.ts";
import { Matrix } from "@gradkit/lib";
import type { TwoLayerParams } from "../../20_two_layer_net.ts";

export function twoLayerLoss(
  X: Matrix,
  y: Int32Array,
  params: TwoLayerParams,
): { loss: number; grads: TwoLayerParams } {
  const { W1, b1, W2, b2 } = params;
  const n = X.rows, d = X.cols, h = W1.cols, c = W2.cols;
  const A = new Matrix(n, h);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < h; k++) {
      let z = b1.data[k];
      for (let m = 0; m < d; m++) z += X.data[i * d + m] * W1.data[m * h + k];
      A.data[i * h + k] = Math.max(0, z);
    }
  }
  const S = A.matmul(W2).add(b2);
  const dS = new Matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, S.data[i * c + j]);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(S.data[i * c + j] - m);
    const lse = m + Math.log(sum);
    loss += lse - S.data[i * c + y[i]];
    for (let j = 0; j < c; j++) {
      dS.data[i * c + j] = Math.exp(S.data[i * c + j] - lse) - (j === y[i] ? 1 : 0);
    }
  }
  const dW2 = A.T.matmul(dS).div(n);
  const db2 = dS.colSums().div(n);
  const dZ = dS.matmul(W2.T).map((g, i, k) => (A.get(i, k) > 0 ? g : 0));
  return {
    loss: loss / n,
    grads: { W1: X.T.matmul(dZ).div(n), b1: dZ.colSums().div(n), W2: dW2, b2: db2 },
  };
}
