/**
 * The backward returns the mask itself (1 where x > 0, else 0) without multiplying by dout.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

/** Local derivative only. */
export function reluBackward(_dout: Matrix, cache: ReluCache): Matrix {
  return (cache.x as Matrix).map((v) => (v > 0 ? 1 : 0));
}
