/**
 * A ½ in the value, ½λ·Σw², while the gradient is 2λW: loss and gradient do not match.
 *
 * @module
 */
export * from "../../13_l2_regularization.ts";
import type { Matrix } from "@gradkit/lib";
import type { L2PenaltyResult } from "../../13_l2_regularization.ts";

export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  return { loss: 0.5 * lambda * W.dot(W), dW: W.mul(2 * lambda) };
}
