/**
 * # 09 · Mean squared error (solution)
 *
 * L = (1/N) · Σᵢ Σₖ (pred[i,k] − target[i,k])², summed over the K outputs, averaged over the N
 * examples, no ½ factor; dPred = (2/N) · (pred − target).
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";

/** What {@linkcode mseLoss} returns. */
export interface MseResult {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂pred, an N×K matrix (the same shape as `pred`). */
  dPred: Matrix;
}

/**
 * The mean squared error of a batch of N×K predictions and its gradient with respect to them:
 * L = (1/N) · Σᵢ Σₖ (pred[i,k] − target[i,k])², dPred = (2/N) · (pred − target).
 *
 * @example
 * ```ts
 * mseLoss(Matrix.columnVector([3, 1]), Matrix.columnVector([1, 1])).loss; // 2
 * ```
 */
export function mseLoss(pred: Matrix, target: Matrix): MseResult {
  const n = pred.rows;
  const diff = pred.sub(target);
  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };
}
