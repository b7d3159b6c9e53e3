/**
 * The sigmoid's derivative evaluated with z instead of the output: z·(1 − z) ⊙ dout.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** Caches z and applies out·(1 − out) to it. */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: Matrix; cache: NeuronCache } {
  const z = x.matmul(w).add(b);
  return { out: z.map(sigmoid), cache: { x, w, z } };
}

/** dz = z·(1 − z) ⊙ dout. */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, z } = cache as Record<"x" | "w" | "z", Matrix>;
  const dz = z.map((v, i) => v * (1 - v) * dout.get(i, 0));
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
}
