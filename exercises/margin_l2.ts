// deno-lint-ignore-file no-unused-vars
/**
 * # margin_l2 (TODO: the title)
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

/** What {@linkcode marginL2} returns. */
export interface MarginL2Result {
  /** The loss L, a number. */
  loss: number;
  /** ∂L/∂x, the same shape as `x`. */
  dX: Matrix;
}

/**
 * The loss of `x` (N×D) and its gradient. Do not modify `x`.
 */
export function marginL2(x: Matrix): MarginL2Result {
  todo("marginL2");
}
