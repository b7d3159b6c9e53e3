/**
 * # Exercise 04: the ReLU gate (solution)
 *
 * out = max(0, x); the backward passes dout where x > 0 and blocks it elsewhere (derivative 0
 * at x = 0). The cache holds the input.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** What {@linkcode reluForward} keeps for {@linkcode reluBackward}. */
export type ReluCache = Record<string, unknown>;

/** ReLU forward: out = max(0, x); cache `{ x }`. */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  return { out: x.maximum(0), cache: { x } };
}

/** ReLU backward: dout where x > 0, else 0. */
export function reluBackward(dout: Matrix, cache: ReluCache): Matrix {
  const x = cache.x as Matrix;
  return dout.map((g, i, j) => (x.get(i, j) > 0 ? g : 0));
}
