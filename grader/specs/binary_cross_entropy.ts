/**
 * PLACEHOLDER — replaced by the exercise's real spec.
 *
 * @module
 */
import type { ExerciseSpec } from "../spec.ts";

/** Placeholder. */
export const spec: ExerciseSpec = { id: "binary_cross_entropy", exports: [], hint: "", tests: [] };
