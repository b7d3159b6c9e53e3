/**
 * The mask uses x ≥ 0, so the gradient passes at x = 0, against the pinned convention.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

/** x >= 0 where x > 0 was pinned. */
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  const x = cache.x as Matrix;
  return dout.map((g, i, j) => (x.get(i, j) >= 0 ? g : 0));
}
