/**
 * The forward keeps its input in a module variable and the backward reads it from there instead
 * of from its cache: right when every forward is followed at once by its backward, wrong for the
 * first of two layers once the second layer's forward has run.
 *
 * @module
 */

export * from "../../03_relu.ts";
import type { Matrix } from "@gradkit/lib";
import type { ReluCache } from "../../03_relu.ts";

let lastX: Matrix | undefined;

/** Remembers x for the backward. */
export function reluForward(x: Matrix): { out: Matrix; cache: ReluCache } {
  lastX = x.clone();
  return { out: x.maximum(0), cache: {} };
}

/** Masks dout with whatever input the last forward saw. */
export function reluBackward(dout: Matrix, _cache: ReluCache): Matrix {
  const x = lastX!;
  return dout.map((g, i, j) => (x.data[i * x.cols + j] > 0 ? g : 0));
}
