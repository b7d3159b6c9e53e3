/**
 * The forward leaves x, w and its output in module variables and the backward uses those rather
 * than its cache: right for one neuron at a time, wrong for the first of two neurons once the
 * second one's forward has run.
 *
 * @module
 */

export * from "../../05_sigmoid_neuron.ts";
import type { Matrix } from "@gradkit/lib";
import type { NeuronCache } from "../../05_sigmoid_neuron.ts";

let saved: { x: Matrix; w: Matrix; out: Matrix } | undefined;

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** σ(x·w + b), remembered in a module variable. */
export function neuronForward(
  x: Matrix,
  w: Matrix,
  b: number,
): { out: Matrix; cache: NeuronCache } {
  const out = x.matmul(w).add(b).map(sigmoid);
  saved = { x: x.clone(), w: w.clone(), out: out.clone() };
  return { out, cache: {} };
}

/** The staged backward, on what the last forward saw. */
export function neuronBackward(
  dout: Matrix,
  _cache: NeuronCache,
): { dx: Matrix; dw: Matrix; db: number } {
  const { x, w, out } = saved!;
  const dz = dout.map((g, i) => out.data[i] * (1 - out.data[i]) * g);
  return { dx: dz.matmul(w.T), dw: x.T.matmul(dz), db: dz.sum() };
}
