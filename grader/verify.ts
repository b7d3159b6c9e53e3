/**
 * The catalogue check an instructor (and the kit's own tests) relies on: every solution passes,
 * every stub is "not started", and every known mistake is caught.
 *
 * Known mistakes live in `solutions/mistakes/<exercise id>/<name>.ts`. Each one re-exports the
 * solution and replaces one function by a realistic wrong version; its first doc comment line
 * says what the mistake is.
 *
 * @module
 */

import { grade, KIT_DIR } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import type { Report } from "./report.ts";

/** A known wrong implementation of an exercise. */
export interface Mistake {
  exercise: Exercise;
  /** File name without `.ts`, e.g. `forgot_mean`. */
  name: string;
  /** Path relative to `solutions/`, e.g. `mistakes/mse_loss/forgot_mean.ts`. */
  file: string;
}

/** The known mistakes of `exercises`, from `solutions/mistakes/`. */
export async function listMistakes(exercises: readonly Exercise[]): Promise<Mistake[]> {
  const found: Mistake[] = [];
  for (const exercise of exercises) {
    const dir = `${KIT_DIR}/solutions/mistakes/${exercise.id}`;
    const names: string[] = [];
    try {
      for await (const e of Deno.readDir(dir)) {
        if (e.isFile && e.name.endsWith(".ts")) names.push(e.name.slice(0, -3));
      }
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      found.push({ exercise, name, file: `mistakes/${exercise.id}/${name}.ts` });
    }
  }
  return found;
}

/**
 * Grades every mistake in one run over `solutions/` (each mistake stands in as its exercise's
 * file) and returns the report; an exercise id in it reads `<id>/<mistake>`.
 */
export function gradeMistakes(mistakes: readonly Mistake[], seed: number): Promise<Report> {
  return grade({
    dir: `${KIT_DIR}/solutions`,
    seed,
    exercises: mistakes.map((m) => ({
      ...m.exercise,
      id: `${m.exercise.id}/${m.name}`,
      file: m.file,
    })),
  });
}
