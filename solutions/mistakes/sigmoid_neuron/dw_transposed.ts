/**
 * dw computed as dzᵀ·x: a 1×D row instead of the D×1 column of w.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

/** The product in the other order, giving the transpose of dw. */
export function neuronBackward(
  dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s, i) => s * (1 - s) * dout.get(i, 0));
  return { dx: dz.matmul(w.T), dw: dz.T.matmul(x), db: dz.sum() };
}
