/**
 * A grading run: stage the submission, start a small pool of sandboxes (one per core at most),
 * grade the selected exercises through it, and return the report. Exercises are graded in
 * parallel across the pool and reported in course order; a sandbox that dies or hits a limit
 * is replaced for the exercises that follow.
 *
 * @module
 */

import { type Exercise, selectExercises } from "./manifest.ts";
import { type ExerciseJob, gradeExercise, type SandboxSlot } from "./grade_exercise.ts";
import { type ExerciseReport, type Report, REPORT_SCHEMA_VERSION, summarize } from "./report.ts";
import { DEFAULT_LIMITS, type Limits, Sandbox } from "./sandbox/sandbox.ts";
import { copySubmission, createStaging, removeStaging } from "./staging.ts";

/** The kit's root folder (the parent of `grader/`). */
export const KIT_DIR = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** The folder to grade does not exist (a usage error). */
export class NoSuchFolder extends Error {
  constructor(dir: string, why?: string) {
    super(
      why
        ? `cannot read the folder ${dir}: ${why}`
        : `no such folder: ${dir} (give --dir a folder laid out like exercises/)`,
    );
    this.name = "NoSuchFolder";
  }
}

/** What to grade and how. */
export interface GradeOptions {
  /** The folder holding the exercise files (laid out like `exercises/`). */
  dir: string;
  /** Exercise ids (or file names); all when empty. */
  ids?: readonly string[];
  /** Seed of the hidden inputs. */
  seed: number;
  limits?: Partial<Limits>;
  /** Sandboxes run at once; default: 2 (one per core here), at most one per exercise. */
  jobs?: number;
  /** Exercises to grade instead of the manifest's (the kit's tests use it). */
  exercises?: readonly Exercise[];
  /** Files written beside the staged exercise files (the kit's tests use it). */
  extraFiles?: Record<string, string>;
}

/** The grader lacks a permission it needs to enforce the sandbox's limits (a usage error). */
export class MissingPermission extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingPermission";
  }
}

/**
 * The memory cap reads the sandbox's resident size from `/proc/PID/status`, which Deno allows
 * only with `--allow-all`. Refuse to grade without it rather than grade without a memory cap.
 */
function checkMemoryWatch(): void {
  try {
    Deno.readTextFileSync("/proc/self/status");
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return; // no /proc (not Linux): no memory cap
    throw new MissingPermission(
      "the grader needs --allow-all: Deno reads /proc/PID/status, which the sandbox's memory " +
        "limit relies on, only with it (run it as `deno task grade`)",
    );
  }
}

/**
 * Grades `options.dir` and returns the report. Throws only on a usage error:
 * {@linkcode NoSuchFolder}, {@linkcode MissingPermission} or an unknown exercise id.
 */
export async function grade(options: GradeOptions): Promise<Report> {
  const started = performance.now();
  checkMemoryWatch();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const exercises = options.exercises ?? selectExercises(options.ids ?? []);
  const dir = options.dir.replace(/\/+$/, "") || ".";
  const stat = await Deno.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory) throw new NoSuchFolder(dir);
  const absolute = await Deno.realPath(dir);

  const staging = createStaging(`${KIT_DIR}/lib`);
  const denoDir = `${KIT_DIR}/.cache/sandbox-deno`;
  const sandboxOptions = {
    workerPath: `${KIT_DIR}/grader/sandbox/worker.ts`,
    allowRead: [staging.exercisesDir, `${KIT_DIR}/lib`],
    importMapPath: staging.importMapPath,
    denoDir,
    cwd: staging.exercisesDir,
    limits,
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? 2, exercises.length));
  const slots: (SandboxSlot & { current?: Sandbox })[] = Array.from({ length: jobs }, () => {
    const slot: SandboxSlot & { current?: Sandbox } = {
      get() {
        if (!slot.current?.alive) slot.current = new Sandbox(sandboxOptions);
        return slot.current;
      },
    };
    slot.get(); // start every sandbox now, so they boot in parallel
    return slot;
  });

  // The submission is copied while the sandboxes boot; they read nothing before a "load".
  try {
    copySubmission(staging, absolute, options.extraFiles);
  } catch (e) {
    await Promise.all(slots.map((s) => s.current?.close()));
    removeStaging(staging);
    throw new NoSuchFolder(dir, (e as Error).message);
  }

  const results: ExerciseReport[] = new Array(exercises.length);
  let next = 0;
  const shownDir = options.dir.replace(/\/+$/, "");
  try {
    await Promise.all(slots.map(async (slot) => {
      while (next < exercises.length) {
        // Later exercises of the course are the larger ones: starting them first keeps both
        // sandboxes busy until the end (longest first). Reports stay in course order.
        const i = exercises.length - 1 - next++;
        const job: ExerciseJob = {
          exercise: exercises[i],
          stagedDir: staging.exercisesDir,
          shownDir,
          seed: options.seed,
          limits,
        };
        results[i] = await gradeExercise(job, slot);
      }
    }));
  } finally {
    await Promise.all(slots.map((s) => s.current?.close()));
    removeStaging(staging);
    // Deno caches the transpiled staged files under the run's path; drop them with the run.
    try {
      Deno.removeSync(`${denoDir}/gen/file${staging.root}`, { recursive: true });
    } catch {
      // nothing cached
    }
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    seed: options.seed,
    dir: options.dir,
    exercises: results,
    summary: summarize(results),
    skippedFiles: staging.skipped,
    durationMs: Math.round(performance.now() - started),
  };
}
