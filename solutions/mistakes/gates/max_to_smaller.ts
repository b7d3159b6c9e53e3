/**
 * The max gate routes the upstream gradient to the smaller input (comparison the wrong way).
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";
import type { GateGradients } from "../../02_gates.ts";

/** x < y where x > y was meant. */
export function maxBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  const dx = dout.map((g, i, j) => (x.get(i, j) < y.get(i, j) ? g : 0));
  const dy = dout.map((g, i, j) => (x.get(i, j) < y.get(i, j) ? 0 : g));
  return { dx, dy };
}
