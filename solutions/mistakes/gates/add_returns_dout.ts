/**
 * The add gate hands dout itself to both inputs: the values are right, but dx, dy and the
 * caller's dout are one matrix, so whoever changes one gradient changes all three.
 *
 * @module
 */

export * from "../../02_gates.ts";
import type { Matrix } from "@gradkit/lib";
import type { GateGradients } from "../../02_gates.ts";

/** The upstream gradient, unchanged and uncopied, to both inputs. */
export function addBackward(dout: Matrix): GateGradients {
  return { dx: dout, dy: dout };
}
