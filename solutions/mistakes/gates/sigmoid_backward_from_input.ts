/**
 * sigmoidBackward treats its argument as the sigmoid's input: σ(out)·(1 − σ(out)) instead of
 * out·(1 − out).
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";

/** Applies the sigmoid a second time. */
export function sigmoidBackward(out: Matrix, dout: Matrix): Matrix {
  return out.map((v, i, j) => {
    const s = 1 / (1 + Math.exp(-v));
    return s * (1 - s) * dout.get(i, j);
  });
}
