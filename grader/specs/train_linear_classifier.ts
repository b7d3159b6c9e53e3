/**
 * PLACEHOLDER — replaced by the exercise's real spec.
 *
 * @module
 */
import type { ExerciseSpec } from "../spec.ts";

/** Placeholder. */
export const spec: ExerciseSpec = { id: "train_linear_classifier", exports: [], hint: "", tests: [] };
