/**
 * Skips the sigmoid stage in the backward: dz = dout, as if out were z.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

/** No out·(1 − out) factor. */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w } = cache as Record<"x" | "w", Matrix>;
  const dz = dout;
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
}
