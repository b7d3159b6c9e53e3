/**
 * The backward drops the mask: dout passes through everywhere, negative inputs included.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

/** Returns a copy of dout. */
export function reluBackward(dout: Matrix, _cache: ReluCache): Matrix {
  return dout.clone();
}
