/**
 * # Exercise 05: gradients add up at a fork (solution)
 *
 * out = (x + y) ⊙ (x ⊙ z), backpropagated with the gates of exercise 02; the two gradients
 * that reach x are added.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "./03_gates.ts";

export { addBackward, multiplyBackward };

/** What {@linkcode forkForward} keeps for {@linkcode forkBackward}. */
export type ForkCache = Record<string, unknown>;

/** a = x + y, m = x ⊙ z, out = a ⊙ m; cache `{ x, z, a, m }`. */
export function forkForward(x: Matrix, y: Matrix, z: Matrix): { out: Matrix; cache: ForkCache } {
  const a = x.add(y);
  const m = x.mul(z);
  return { out: a.mul(m), cache: { x, z, a, m } };
}

/** The gates in reverse order; dx is the sum of the add gate's and the multiply gate's shares. */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
}
