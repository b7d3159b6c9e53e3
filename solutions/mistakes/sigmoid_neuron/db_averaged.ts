/**
 * db averaged over the batch (Σ dz / N) instead of summed: the upstream gradient already
 * weighs each example.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

/** An extra 1/N on db. */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.mean() };
}
