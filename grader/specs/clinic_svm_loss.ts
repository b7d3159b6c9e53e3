/**
 * Hidden tests of the debugging clinic on the multiclass SVM loss: the learner is handed a
 * complete loss with planted bugs (the correct class counted in the sum, the 1/N left out of
 * the gradient) and fixes them. The fix is graded like the multiclass hinge exercise itself,
 * with the same hidden tests (drawn afresh for this exercise's id).
 *
 * @module
 */

import type { ExerciseSpec } from "../spec.ts";
import { spec as multiclassHinge } from "./multiclass_hinge.ts";

/** The hints, from the idea to apply (tier 1) to the fix (tier 3). */
const HINTS: [string, string, string] = [
  "Two clues point to two bugs: a loss off by the same amount on every batch, and a gradient off by a constant factor. Compare the sum in the code with the sum in the definition, and the mean in the loss with what the gradient does.",
  "By hand: one row, scores [3, 2.5, 1], correct class 0. Class 1 intrudes by 0.5, class 2 not at all, so the loss is 0.5. What does the loop add for j = 0, the correct class itself? And with N = 4 rows, how much should one violating class add to dScores?",
  "Skip the correct class in the loop (if (j === y[i]) continue;), and divide the gradient by N as the loss is: d[row + j] = 1 / n for a violating class, and d[row + y[i]] = −violations / n.",
];

/** Exercise `clinic_svm_loss`: its exports, hints and hidden tests, for the manifest. */
export const spec: ExerciseSpec = {
  id: "clinic_svm_loss",
  exports: ["multiclassHingeLoss", "linearSvmLoss"],
  hint: HINTS[0],
  hints: HINTS,
  stub: "broken",
  tests: multiclassHinge.tests,
};
