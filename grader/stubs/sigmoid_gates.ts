// deno-lint-ignore-file no-unused-vars
/**
 * # sigmoid_gates (TODO: the title)
 *
 * TODO: teach the idea, state the forward exactly, then pin every convention the tests check
 * (mean or sum over the batch, ½ factors, label encoding, shapes, whether inputs may be
 * modified), with a worked example of the forward. State no backward formula and no answer
 * gradient: the learner derives them (the hints' tier 3 gives the formula).
 *
 * The scaffold's example: L = Σᵢⱼ x[i,j]² (summed, no ½ factor), and dX = ∂L/∂x.
 *
 * @module
 */

import { type Matrix, todo } from "@gradkit/lib";

/** What {@linkcode sigmoidGates} returns. */
export interface SigmoidGatesResult {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂x, the same shape as `x`. */
  dX: Matrix;
}

/**
 * The loss of `x` (N×D) and its gradient. Do not modify `x`.
 */
export function sigmoidGates(x: Matrix): SigmoidGatesResult {
  todo("sigmoidGates");
}
