/**
 * Overwrites dx at the fork: the multiply gate's share replaces the add gate's instead of
 * being added to it.
 *
 * @module
 */

export * from "../../04_fork.ts";
import type { Matrix } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "../../02_gates.ts";
import type { ForkCache } from "../../04_fork.ts";

/** `dx = …` twice, the second assignment wins. */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  let { dx, dy } = addBackward(da);
  const fromMultiply = multiplyBackward(x, z, dm);
  dx = fromMultiply.dx;
  return { dx, dy, dz: fromMultiply.dy };
}
