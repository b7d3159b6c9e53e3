/**
 * PLACEHOLDER — replaced by the exercise's real spec.
 *
 * @module
 */
import type { ExerciseSpec } from "../spec.ts";

/** Placeholder. */
export const spec: ExerciseSpec = { id: "squared_hinge", exports: [], hint: "", tests: [] };
