/**
 * The backward ignores dout: dz = out·(1 − out), the gradient of Σ out instead of Σ out ⊙ dout.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

/** Local derivative only. */
export function neuronBackward(
  _dout: Matrix,
  cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, out } = cache as Record<"x" | "w" | "out", Matrix>;
  const dz = out.map((s) => s * (1 - s));
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
}
