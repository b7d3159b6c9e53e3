/**
 * # 17 · A two-layer network on a batch (solution)
 *
 * affine → ReLU → affine → softmax cross-entropy (mean over N, no regularization), and the
 * gradient of the loss with respect to W1, b1, W2 and b2, built from the learner's own layers:
 * affine (07), ReLU (04) and softmax cross-entropy (11).
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";
import { reluBackward, reluForward } from "./04_relu.ts";
import { affineBackward, affineForward } from "./09_affine_layer.ts";
import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";

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
  // Forward, one layer at a time, each keeping its cache.
  const first = affineForward(X, params.W1, params.b1);
  const hidden = reluForward(first.out);
  const second = affineForward(hidden.out, params.W2, params.b2);
  const { loss, dScores } = softmaxCrossEntropy(second.out, y);

  // Backward: the same layers in reverse order.
  const back2 = affineBackward(dScores, second.cache);
  const dZ = reluBackward(back2.dX, hidden.cache);
  const back1 = affineBackward(dZ, first.cache);

  return { loss, grads: { W1: back1.dW, b1: back1.db, W2: back2.dW, b2: back2.db } };
}
