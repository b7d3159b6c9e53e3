/**
 * The max gate hands the upstream gradient to both inputs, as if it were an add gate.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";
import type { GateGradients } from "../../02_gates.ts";

/** No routing: the loser gets dout too. */
export function maxBackward(_x: Matrix, _y: Matrix, dout: Matrix): GateGradients {
  return { dx: dout.clone(), dy: dout.clone() };
}
