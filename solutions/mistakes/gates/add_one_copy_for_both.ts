/**
 * The add gate copies dout once and returns that copy as both dx and dy: dout is safe, but the
 * two gradients are one matrix.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";
import type { GateGradients } from "../../02_gates.ts";

/** One copy of the upstream gradient, handed to both inputs. */
export function addBackward(dout: Matrix): GateGradients {
  const g = dout.clone();
  return { dx: g, dy: g };
}
