/**
 * l2Penalty writes its gradient into one preallocated workspace and returns a view of it: every
 * call returns the same memory, so the previous call's dW changes under its holder.
 *
 * @module
 */

export * from "../../13_l2_regularization.ts";
import { Matrix } from "@gradkit/lib";
import type { L2PenaltyResult } from "../../13_l2_regularization.ts";

const workspace = new Float64Array(4096);

/** λ·Σ W² and 2λW, the latter in the shared workspace. */
export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  const dW = new Matrix(W.rows, W.cols, workspace.subarray(0, W.size));
  let loss = 0;
  for (let i = 0; i < W.size; i++) {
    loss += W.data[i] * W.data[i];
    dW.data[i] = 2 * lambda * W.data[i];
  }
  return { loss: lambda * loss, dW };
}
