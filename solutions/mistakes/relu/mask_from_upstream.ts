/**
 * The mask is taken from the sign of dout instead of the sign of the forward's input.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

/** Applies the ReLU to the upstream gradient. */
export function reluBackward(dout: Matrix, _cache: ReluCache): Matrix {
  return dout.maximum(0);
}
