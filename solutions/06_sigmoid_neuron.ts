/**
 * # Exercise 06: a sigmoid neuron, with staged backprop (solution)
 *
 * z = x·w + b, out = σ(z) on an N×D batch; backward dz = out(1 − out) ⊙ dout, dw = xᵀ·dz,
 * db = Σ dz, dx = dz·wᵀ. No division by N.
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

/** out = σ(x·w + b), N×1; cache `{ x, w, out }`. */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: Matrix; cache: NeuronCache } {
  const z = x.matmul(w).add(b);
  const out = z.map(sigmoid);
  return { out, cache: { x, w, out } };
}

/** dx (N×D), dw (D×1), db (number) from the upstream gradient dout (N×1). */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
}
