/**
 * The forward clamps the input in place and returns it: the caller's x is destroyed.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

/** Writes max(0, x) into x.data. */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  const mask = x.map((v) => (v > 0 ? 1 : 0));
  for (let i = 0; i < x.data.length; i++) if (x.data[i] < 0) x.data[i] = 0;
  return { out: x, cache: { x: mask } };
}
