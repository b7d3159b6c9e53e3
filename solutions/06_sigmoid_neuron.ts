/**
 * # Exercise 06: a sigmoid neuron, with staged backprop (solution)
 *
 * One example: z = x·w + b (a dot product of two 1×D rows), out = σ(z); backward
 * dz = out·(1 − out)·dout, dw = dz·x, dx = dz·w, db = dz.
 *
 * @module
 */

import type { Matrix } from "@gradkit/lib";

/** What {@linkcode neuronForward} keeps for {@linkcode neuronBackward}. */
export type NeuronCache = Record<string, unknown>;

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** out = σ(x·w + b), a number; cache `{ x, w, out }`. */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: number; cache: NeuronCache } {
  const z = x.dot(w) + b;
  const out = sigmoid(z);
  return { out, cache: { x, w, out } };
}

/** dx (1×D), dw (1×D) and db (a number) from the upstream gradient dout (a number). */
export function neuronBackward(
  dout: number,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w } = cache as Record<"x" | "w", Matrix>;
  const out = cache.out as number;
  const dz = out * (1 - out) * dout;
  return { dx: w.mul(dz), dw: x.mul(dz), db: dz };
}
