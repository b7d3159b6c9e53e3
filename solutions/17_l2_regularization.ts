/**
 * # 15 · L2 regularization in the total loss (solution)
 *
 * Penalty λ·Σw² (no ½, λ not divided by N), gradient 2λW; several matrices add their penalties;
 * biases are never regularized.
 *
 * @module
 */

import { Matrix } from "@gradkit/lib";
import { multiclassHingeLoss } from "./15_multiclass_hinge.ts";

/** What {@linkcode l2Penalty} returns. */
export interface L2PenaltyResult {
  /** λ · Σ W². */
  loss: number;
  /** 2λ · W, the shape of W. */
  dW: Matrix;
}

/** What {@linkcode totalLoss} returns. */
export interface TotalLossResult {
  /** The data loss plus λ · Σₖ Σ Wₖ². */
  loss: number;
  /** One gradient per weight matrix, in the same order and shapes: dataGrads[k] + 2λ·weights[k]. */
  grads: Matrix[];
}

/** What {@linkcode regularizedLinearSvm} returns. */
export interface RegularizedSvmResult {
  /** The mean multiclass hinge loss of X·W + b, plus λ · Σ W². */
  loss: number;
  /** ∂loss/∂W, D×C. */
  dW: Matrix;
  /** ∂loss/∂b, 1×C (no regularization term). */
  db: Matrix;
}

/**
 * λ · Σ W² and its gradient 2λ · W.
 *
 * @example
 * ```ts
 * l2Penalty(Matrix.from([[1, -2], [0, 3]]), 0.5).loss; // 7
 * ```
 */
export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  return { loss: lambda * W.dot(W), dW: W.mul(2 * lambda) };
}

/**
 * dataLoss + λ · Σₖ Σ Wₖ², with grads[k] = dataGrads[k] + 2λ · Wₖ (new matrices).
 *
 * @example
 * ```ts
 * totalLoss(10, [Matrix.from([[0.5, 0]]), Matrix.from([[1]])], [Matrix.from([[1, 2]]), Matrix.from([[3]])], 0.1).loss; // 11.4
 * ```
 */
export function totalLoss(
  dataLoss: number,
  dataGrads: Matrix[],
  weights: Matrix[],
  lambda: number,
): TotalLossResult {
  let loss = dataLoss;
  const grads = weights.map((W, k) => {
    const penalty = l2Penalty(W, lambda);
    loss += penalty.loss;
    return dataGrads[k].add(penalty.dW);
  });
  return { loss, grads };
}

/**
 * The multiclass hinge loss of X·W + b plus λ · Σ W²; the bias is not regularized.
 *
 * @example
 * ```ts
 * regularizedLinearSvm(
 *   Matrix.from([[1, 2]]), Matrix.from([[0.5, 0]]), Matrix.from([[1]]), Int32Array.of(0), 0.1,
 * ).loss; // 2
 * ```
 */
export function regularizedLinearSvm(
  W: Matrix,
  b: Matrix,
  X: Matrix,
  y: Int32Array,
  lambda: number,
): RegularizedSvmResult {
  const data = multiclassHingeLoss(X.matmul(W).add(b), y);
  const penalty = l2Penalty(W, lambda);
  return {
    loss: data.loss + penalty.loss,
    dW: X.T.matmul(data.dScores).add(penalty.dW),
    db: data.dScores.colSums(),
  };
}
