/**
 * The multiply gate scales each input's gradient by that input instead of by the other one.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";
import type { GateGradients } from "../../02_gates.ts";

/** dx = x ⊙ dout, dy = y ⊙ dout: the inputs are not swapped. */
export function multiplyBackward(x: Matrix, y: Matrix, dout: Matrix): GateGradients {
  return { dx: x.mul(dout), dy: y.mul(dout) };
}
