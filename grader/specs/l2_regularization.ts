/**
 * PLACEHOLDER — replaced by the exercise's real spec.
 *
 * @module
 */
import type { ExerciseSpec } from "../spec.ts";

/** Placeholder. */
export const spec: ExerciseSpec = { id: "l2_regularization", exports: [], hint: "", tests: [] };
