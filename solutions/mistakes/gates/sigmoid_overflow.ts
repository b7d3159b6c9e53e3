/**
 * sigmoidForward as eˣ / (1 + eˣ) everywhere: Infinity / Infinity = NaN for x above ~709.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";

/** Right for moderate inputs, NaN for large positive ones. */
export function sigmoidForward(x: Matrix): Matrix {
  return x.map((v) => Math.exp(v) / (1 + Math.exp(v)));
}
