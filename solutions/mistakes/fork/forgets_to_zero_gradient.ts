/**
 * Accumulates dx into a gradient buffer that lives between calls and is never reset: right on
 * the first call, doubled on the second.
 *
 * @module
 */

export * from "../../04_fork.ts";
import { Matrix } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "../../02_gates.ts";
import type { ForkCache } from "../../04_fork.ts";

let xGrad: Matrix | undefined;

/** `xGrad += share` for both shares, without zeroing xGrad first. */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  if (!xGrad || xGrad.rows !== x.rows || xGrad.cols !== x.cols) {
    xGrad = new Matrix(x.rows, x.cols);
  }
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  xGrad = xGrad.add(dxFromAdd).add(dxFromMultiply);
  return { dx: xGrad.clone(), dy, dz };
}
