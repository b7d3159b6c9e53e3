/**
 * Correct, written differently: λ inside the sum, loops over the entries backwards.
 *
 * @module
 */
export * from "../../17_l2_regularization.ts";
import { Matrix } from "@gradkit/lib";
import type { L2PenaltyResult } from "../../17_l2_regularization.ts";

export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  let loss = 0;
  const dW = new Matrix(W.rows, W.cols);
  for (let i = W.size - 1; i >= 0; i--) {
    loss += lambda * W.data[i] * W.data[i];
    dW.data[i] = 2 * lambda * W.data[i];
  }
  return { loss, dW };
}
