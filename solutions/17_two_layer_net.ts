/**
 * # 17 · A two-layer network on a batch (solution)
 *
 * affine → ReLU → affine → softmax cross-entropy (mean over N, no regularization), and the
 * gradient of the loss with respect to W1, b1, W2 and b2.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** The network's parameters (or their gradients: same names, same shapes). */
export interface TwoLayerParams {
  /** First layer's weights, D×H. */
  W1: Matrix;
  /** First layer's bias, 1×H. */
  b1: Matrix;
  /** Second layer's weights, H×C. */
  W2: Matrix;
  /** Second layer's bias, 1×C. */
  b2: Matrix;
}

/** Mean softmax cross-entropy of the two-layer network and the gradients of every parameter. */
export function twoLayerLoss(
  X: Matrix,
  y: Int32Array,
  params: TwoLayerParams,
): { loss: number; grads: TwoLayerParams } {
  const { W1, b1, W2, b2 } = params;
  const n = X.rows;

  // Forward.
  const Z = X.matmul(W1).add(b1);
  const A = Z.maximum(0);
  const S = A.matmul(W2).add(b2);

  // Softmax cross-entropy, shifted by each row's maximum.
  const shifted = S.sub(S.rowMax());
  const E = shifted.exp();
  const sums = E.rowSums();
  const P = E.div(sums);
  const correct = shifted.pick(y);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(sums.data[i]) - correct[i];
  loss /= n;

  // Backward.
  const dS = P.map((p, i, j) => (p - (j === y[i] ? 1 : 0)) / n);
  const dW2 = A.T.matmul(dS);
  const db2 = dS.colSums();
  const dA = dS.matmul(W2.T);
  const dZ = dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0));
  const dW1 = X.T.matmul(dZ);
  const db1 = dZ.colSums();

  return { loss, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
}
