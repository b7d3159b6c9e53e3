/**
 * Which folder of a submission is graded. `--dir` takes a learner's whole repository (or any
 * folder holding an `exercises/` folder) as well as an exercises folder itself: only the
 * exercise source files of the folder chosen here are staged (see `staging.ts`), so nothing
 * else of the submission (its `grader/`, `lib/`, `deno.json`, tasks, tests, CI files) takes any
 * part in grading it. The kit's own `grader/`, `lib/` and import map grade it.
 *
 * @module
 */

import { type Exercise, MANIFEST } from "./manifest.ts";

/** A path's `lstat`, or undefined when there is nothing there (or it cannot be looked at). */
function lstat(path: string): Deno.FileInfo | undefined {
  try {
    return Deno.lstatSync(path);
  } catch {
    return undefined;
  }
}

/** `exercises/` inside the folder is a symbolic link: a submission could point it anywhere. */
export class LinkedExercisesFolder extends Error {
  constructor(path: string) {
    super(
      `${path} is a symbolic link: a submission's exercises/ must be a folder of its own (a ` +
        `link could lead to another learner's work); give --dir the folder it leads to, if ` +
        `that is what you mean to grade`,
    );
    this.name = "LinkedExercisesFolder";
  }
}

/**
 * The folder to grade for `--dir dir`: `dir` itself when it holds any exercise file of the
 * course (an exercises folder, or `solutions/`), else its `exercises/` folder when it has one
 * (a learner's repository), else `dir` (whose exercises are then reported missing). Throws
 * {@linkcode LinkedExercisesFolder} when that `exercises/` is a symbolic link. A `dir` that does
 * not exist is returned as is (grading reports it).
 *
 * @example
 * ```ts ignore
 * exercisesFolder("submissions/ada"); // "submissions/ada/exercises"
 * exercisesFolder("exercises"); // "exercises"
 * ```
 */
export function exercisesFolder(dir: string, course: readonly Exercise[] = MANIFEST): string {
  const base = dir.replace(/\/+$/, "") || (dir.startsWith("/") ? "" : ".");
  if (course.some((e) => lstat(`${base}/${e.file}`)?.isFile)) return dir;
  const inner = `${base}/exercises`;
  const info = lstat(inner);
  if (info?.isSymlink) throw new LinkedExercisesFolder(inner);
  return info?.isDirectory ? inner : dir;
}
