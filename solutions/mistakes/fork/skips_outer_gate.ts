/**
 * Feeds dout instead of dm into the inner multiply gate: the chain through the outer gate
 * (out = a ⊙ m) is skipped for that branch.
 *
 * @module
 */

export * from "../../04_fork.ts";
import type { Matrix } from "@gradkit/lib";
import { addBackward, multiplyBackward } from "../../02_gates.ts";
import type { ForkCache } from "../../04_fork.ts";

/** multiplyBackward(x, z, dout) where multiplyBackward(x, z, dm) was needed. */
export function forkBackward(
  dout: Matrix,
  cache: ForkCache,
): { dx: Matrix; dy: Matrix; dz: Matrix } {
  const { x, z, a, m } = cache as Record<"x" | "z" | "a" | "m", Matrix>;
  const { dx: da } = multiplyBackward(a, m, dout);
  const { dx: dxFromAdd, dy } = addBackward(da);
  const { dx: dxFromMultiply, dy: dz } = multiplyBackward(x, z, dout);
  return { dx: dxFromAdd.add(dxFromMultiply), dy, dz };
}
