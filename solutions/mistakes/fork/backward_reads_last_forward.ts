/**
 * The forward keeps its intermediates in module variables and the backward walks the gates with
 * those instead of its cache: right for one circuit at a time, wrong for the first of two
 * circuits once the second one's forward has run.
 *
 * @module
 */

export * from "../../04_fork.ts";
import type { Matrix } from "@gradkit/lib";
import { addBackward, type ForkCache, multiplyBackward } from "../../04_fork.ts";

let last: { x: Matrix; z: Matrix; a: Matrix; m: Matrix } | undefined;

/** The circuit; its intermediates are kept on the module. */
export function forkForward(x: Matrix, y: Matrix, z: Matrix): { out: Matrix; cache: ForkCache } {
  const a = x.add(y);
  const m = x.mul(z);
  last = { x, z, a, m };
  return { out: a.mul(m), cache: { x, z, a, m } };
}

/** The gates in reverse, on the last forward's intermediates. */
export function forkBackward(
  dout: Matrix,
  _cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = last!;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: fromAdd, dy } = addBackward(da);
  const { dx: fromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: fromAdd.add(fromMultiply), dy, dz };
}
