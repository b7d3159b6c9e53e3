/**
 * The penalty's gradient is λW instead of 2λW (the derivative of a ½λ·Σw² penalty; the value is right).
 *
 * @module
 */
export * from "../../13_l2_regularization.ts";
import type { Matrix } from "@gradkit/lib";
import type { L2PenaltyResult } from "../../13_l2_regularization.ts";

export function l2Penalty(W: Matrix, lambda: number): L2PenaltyResult {
  return { loss: lambda * W.dot(W), dW: W.mul(lambda) };
}
