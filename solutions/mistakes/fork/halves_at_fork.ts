/**
 * Averages the two gradients that reach x instead of adding them ("x is used twice, so split").
 *
 * @module
 */

export * from "../../04_fork.ts";
import type { Matrix } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "../../02_gates.ts";
import type { ForkCache } from "../../04_fork.ts";

/** dx = (share₁ + share₂) / 2. */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  const { dx: da, dy: dm } = multiplyBackward(a, m, dout);
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dm);
  return { dx: dxFromAdd.add(dxFromMultiply).mul(0.5), dy, dz };
}
