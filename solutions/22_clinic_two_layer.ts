/**
 * # Clinic · A two-layer network that does not learn
 *
 * A debugging clinic: this file is not a stub to fill in. It is a complete two-layer network,
 * written by someone in a hurry, and its backward pass has bugs in it. Your job is to find
 * them with a gradient check, fix them, and leave the rest as it is.
 *
 * The network is the one of the two-layer exercise:
 *
 *     Z  = X·W1 + b1        affine      X N×D, W1 D×H, b1 1×H   →  Z N×H
 *     A  = max(0, Z)        ReLU                                 →  A N×H
 *     S  = A·W2 + b2        affine      W2 H×C, b2 1×C           →  S N×C (scores)
 *     L  = (1/N)·Σᵢ −log softmax(S[i])[y[i]]                     →  a number
 *
 * The forward pass below is right: the loss it returns is the loss the grader expects. Leave
 * it alone (a "fix" that changes the forward to match a wrong backward fails the loss tests).
 *
 * ## How to find the bugs
 *
 * 1. Run the grader first and read what it says: which gradient is wrong, and which ones are
 *    right. An error starts somewhere in the chain and spreads to everything before it.
 * 2. Check each gradient yourself against a numerical one, with your own check from the
 *    gradient-check exercise (import it from `./02_gradient_check.ts`, or write the loop again in
 *    a scratch file). Use a small batch with N, D, H and C all different, non-zero biases and
 *    weights large enough that some hidden units are off.
 * 3. Work from the loss back: dS first, then W2 and b2, then what flows into the hidden layer,
 *    then W1 and b1. The first gradient that disagrees tells you which stage to read.
 * 4. For each stage, ask what it was on the way forward and what its local gradient must be.
 *    Write the shape of every gradient beside it: a shape that only fits by accident is a clue.
 *
 * There is more than one bug. Fix one, check again, and expect the next one to show.
 *
 * ## Conventions (as in the two-layer exercise)
 *
 * - Rows are examples. `y` holds N labels in 0..C−1. The loss is the MEAN over the batch, and
 *   the gradients are those of that mean. No regularization.
 * - The ReLU's derivative at exactly 0 is taken as 0; the tests keep every entry of Z away
 *   from 0.
 * - The loss must stay finite for scores around ±1000 (the forward shifts each row by its
 *   maximum).
 * - Do not modify X, y or any parameter; `grads` has exactly the shapes of `params`.
 * - The backward is derived: a gradient computed by finite differences of the forward is
 *   flagged, however close it comes.
 *
 * ## Precision
 *
 * Compute in float64 (plain numbers, `Matrix`, `Float64Array`): values must match the grader's
 * reference to 1e-10 relative. Return new matrices: nothing you return may share memory with
 * an argument, with another returned matrix or with what an earlier call returned.
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

/**
 * The mean softmax cross-entropy loss of the two-layer network on a batch, and the gradient of
 * that loss with respect to every parameter (the bugs fixed).
 *
 * @param X the batch, N×D (rows are examples)
 * @param y the N correct classes, each in 0..C−1
 * @param params `{ W1: D×H, b1: 1×H, W2: H×C, b2: 1×C }`
 * @returns `loss` (a number) and `grads` `{ W1, b1, W2, b2 }`, each the shape of its parameter
 *
 * @example
 * ```ts
 * const { loss, grads } = twoLayerLoss(X, y, { W1, b1, W2, b2 });
 * ```
 */
export function twoLayerLoss(
  X: Matrix,
  y: Int32Array,
  params: TwoLayerParams,
): { loss: number; grads: TwoLayerParams } {
  const { W1, b1, W2, b2 } = params;
  const n = X.rows;

  // Forward (right as it is).
  const Z = X.matmul(W1).add(b1);
  const A = Z.maximum(0);
  const S = A.matmul(W2).add(b2);
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
