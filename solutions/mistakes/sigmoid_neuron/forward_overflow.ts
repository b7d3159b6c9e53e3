/**
 * The forward computes σ(z) as e^z / (1 + e^z): Infinity / Infinity = NaN once z passes ~709.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

/** Right for moderate z, NaN for large positive z. */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: Matrix; cache: NeuronCache } {
  const e = x.matmul(w).add(b).exp();
  const out = e.div(e.add(1));
  return { out, cache: { x, w, out } };
}
