/**
 * Hidden tests of the debugging clinic on the two-layer network: the learner is handed a
 * complete network with planted bugs in its backward (a missing ReLU mask, a transposed
 * product) and fixes them. The fix is graded like the two-layer exercise itself, with the same
 * hidden tests (drawn afresh for this exercise's id).
 *
 * @module
 */

import type { ExerciseSpec } from "../spec.ts";
import { spec as twoLayerNet } from "./two_layer_net.ts";

/** The hints, from the idea to apply (tier 1) to the fix (tier 3). */
const HINTS: [string, string, string] = [
  "Read the table of gradients in the failure: the first gradient (from the loss backwards) that is wrong points to the stage to read. Then ask of each backward line what the forward did there, and check the shapes: W2's gradient must be H×C.",
  "A tiny case by hand: N = 1, D = 1, H = 2, C = 2 with one hidden unit off (Z = [[1, −1]]). Nudge W1's entry that feeds the unit that is off: the loss does not move, so its gradient must be 0. Does this file give 0? And which product of A and dS gives an H×C matrix?",
  "Two fixes: dW2 = Aᵀ·dS (A.T.matmul(dS), not dS.T.matmul(A)), and the ReLU's mask on the way back, dZ = dA where Z > 0 and 0 elsewhere (dA.map((g, i, j) => (Z.get(i, j) > 0 ? g : 0))).",
];

/** Exercise `clinic_two_layer`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "clinic_two_layer",
  exports: ["twoLayerLoss"],
  hint: HINTS[0],
  hints: HINTS,
  stub: "broken",
  tests: twoLayerNet.tests,
};
