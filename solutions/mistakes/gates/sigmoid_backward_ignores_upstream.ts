/**
 * sigmoidBackward returns the local derivative out·(1 − out) without multiplying by dout.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";

/** Forgets the upstream gradient. */
export function sigmoidBackward(out: Matrix, _dout: Matrix): Matrix {
  return out.map((s) => s * (1 - s));
}
