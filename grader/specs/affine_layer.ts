/**
 * PLACEHOLDER — replaced by the exercise's real spec.
 *
 * @module
 */
import type { ExerciseSpec } from "../spec.ts";

/** Placeholder. */
export const spec: ExerciseSpec = { id: "affine_layer", exports: [], hint: "", tests: [] };
