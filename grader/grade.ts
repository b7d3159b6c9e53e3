/**
 * Grading runs: stage the submission, grade the selected exercises in a pool of sandboxes (one
 * by default; see `pool.ts`), and return the report, in course order. A
 * {@linkcode GradingSession} keeps the pool warm between gradings (watch mode); {@linkcode grade}
 * is one grading.
 *
 * Every exercise of a grading is graded at once. Each exercise's tests run one after the other,
 * so its calls reach the learner's module in the order its tests make them; but between two of
 * them the grader checks a reply (reference forwards, numerical gradients), and meanwhile the
 * sandbox runs a call of another exercise. Measured on grading every exercise, one exercise at a
 * time in each of two sandboxes: 130 ms; four at a time: 122 ms; all sixteen in one sandbox:
 * 110 ms. Each exercise's time limit counts only the time its own calls run (`TimeBudget` in
 * `sandbox.ts`); a sandbox that stops is charged to the exercise whose call was running, and the
 * others are graded again (see `gradeExercise`).
 *
 * @module
 */

import { type Exercise, MANIFEST, selectExercises } from "./manifest.ts";
import { importGraph } from "./imports.ts";
import { type ExerciseJob, gradeExercise } from "./grade_exercise.ts";
import { type ExerciseReport, type Report, REPORT_SCHEMA_VERSION, summarize } from "./report.ts";
import { type RunSeed, seedFields } from "./secret_seed.ts";
import type { CaseReplay } from "./replay_case.ts";
import { boundReport } from "./bounds.ts";
import { DEFAULT_JOBS, KIT_DIR, SandboxPool } from "./pool.ts";
import { DEFAULT_LIMITS, type Limits } from "./sandbox/sandbox.ts";
import {
  copySubmission,
  isKitAnswerFolder,
  removeSnapshot,
  type Snapshot,
  StagingTampered,
} from "./staging.ts";

export { KIT_DIR };

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

/** What to grade and how: a session's options, the seed and the exercises. */
export interface GradeOptions extends SessionOptions {
  /** Exercise ids (or file names); all when empty. */
  ids?: readonly string[];
  /** Seed of the hidden inputs: a public number, or a secret and a nonce. */
  seed: RunSeed;
  /** Exercises to grade instead of the manifest's (the kit's tests use it). */
  exercises?: readonly Exercise[];
  /** Told when each exercise's grading starts and ends (see {@linkcode GradeProgress}). */
  onProgress?: GradeProgress;
  /** One case to run instead of its exercise's hidden tests (see `replay_case.ts`). */
  replay?: CaseReplay;
}

/**
 * What a grading tells while it runs: the exercises it grades (`start`, once), then each one as
 * it is done, in the order they finish. For a "still waiting on …" line; never for verdicts.
 */
export interface GradeProgress {
  start?(exercises: readonly Exercise[]): void;
  done?(exercise: Exercise): void;
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
        "limit relies on, only with it (run it as `./deno task grade`)",
    );
  }
}

/** How a session is set up: what it grades, with which limits, on how many sandboxes. */
export interface SessionOptions {
  /** The folder holding the exercise files (laid out like `exercises/`). */
  dir: string;
  limits?: Partial<Limits>;
  /** Sandboxes run at once; default: {@linkcode DEFAULT_JOBS}. */
  jobs?: number;
  /** Files written beside the staged exercise files (the kit's tests use it). */
  extraFiles?: Record<string, string>;
  /**
   * Sandboxes started earlier (the command line starts them before it loads the grader). The
   * session takes them over if they run `jobs` sandboxes with these limits, else closes them.
   */
  pool?: SandboxPool;
}

/**
 * A grading session: a pool of warm sandboxes and the private folder they read, which grade the
 * submission once (`deno task grade`) or again after every save (`--watch`). Each
 * {@linkcode GradingSession.grade} stages a fresh snapshot of the folder, grades the selected
 * exercises across the pool, and returns a report in course order. A sandbox that dies or hits a
 * limit is replaced for the exercises that follow.
 */
export class GradingSession {
  readonly #options: SessionOptions;
  readonly #source: string;
  readonly #pool: SandboxPool;
  /** The folder is one of the kit's answer folders, as named: see `isKitAnswerFolder`. */
  readonly #trusted: boolean;

  private constructor(options: SessionOptions, source: string, pool: SandboxPool) {
    this.#options = options;
    this.#source = source;
    this.#pool = pool;
    this.#trusted = isKitAnswerFolder(options.dir.replace(/\/+$/, "") || ".");
  }

  /**
   * Checks the folder and the grader's permissions and starts the sandboxes (or takes over
   * `options.pool`). Throws {@linkcode NoSuchFolder} or {@linkcode MissingPermission}.
   */
  static async open(options: SessionOptions): Promise<GradingSession> {
    const jobs = Math.max(1, Math.floor(options.jobs ?? DEFAULT_JOBS));
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    let pool = options.pool;
    try {
      checkMemoryWatch();
      const dir = options.dir.replace(/\/+$/, "") || ".";
      // Synchronous: Deno's async file system calls cost a millisecond or more each here.
      let source: string | undefined;
      try {
        if (Deno.statSync(dir).isDirectory) source = Deno.realPathSync(dir);
      } catch {
        // not there, or not readable: said below
      }
      if (source === undefined) throw new NoSuchFolder(dir);
      if (pool && !pool.fits(jobs, limits)) {
        await pool.close();
        pool = undefined;
      }
      return new GradingSession(options, source, pool ?? SandboxPool.start({ jobs, limits }));
    } catch (e) {
      await pool?.close();
      throw e;
    }
  }

  /** Grades a fresh snapshot of the folder: `exercises` (default: the manifest's, or `ids`). */
  async grade(
    request: {
      seed: RunSeed;
      ids?: readonly string[];
      exercises?: readonly Exercise[];
      onProgress?: GradeProgress;
      replay?: CaseReplay;
    },
  ) {
    const started = performance.now();
    const exercises = request.exercises ?? selectExercises(request.ids ?? []);
    let snapshot: Snapshot;
    try {
      snapshot = copySubmission(this.#pool.staging, this.#source, {
        extraFiles: this.#options.extraFiles,
        trusted: this.#trusted,
      });
    } catch (e) {
      if (e instanceof StagingTampered) throw e;
      throw new NoSuchFolder(this.#options.dir, (e as Error).message);
    }
    // The exercise files these import are graded with them: whether those pass says where a
    // failure may come from (reported on the importing exercise, see `withImports`).
    const universe = request.exercises ?? MANIFEST;
    const graph = importGraph(snapshot.exercisesDir, universe);
    const wanted = new Set(exercises.map((e) => e.id));
    const graded = universe.filter((e) =>
      wanted.has(e.id) || exercises.some((x) => graph.get(x.id)?.includes(e))
    );
    const slots = await this.#pool.take(graded.length);
    const limits = this.#pool.limits;
    const results: ExerciseReport[] = new Array(graded.length);
    const shownDir = this.#options.dir.replace(/\/+$/, "");
    request.onProgress?.start?.(graded);
    try {
      // Every exercise at once (see the module's doc), spread over the sandboxes. The later
      // exercises of the course are the larger ones: their requests go out first. Reports stay
      // in course order.
      await Promise.all(graded.map(async (_, k) => {
        const i = graded.length - 1 - k;
        const job: ExerciseJob = {
          exercise: graded[i],
          stagedDir: snapshot.exercisesDir,
          shownDir,
          seed: request.seed,
          limits,
          skipped: snapshot.skipped,
          ...(request.replay?.exerciseId === graded[i].id ? { replay: request.replay } : {}),
        };
        results[i] = await gradeExercise(job, slots[k % slots.length]);
        request.onProgress?.done?.(graded[i]);
      }));
    } finally {
      // Loaded modules stay loaded: the files can go (the first with the folder, at close).
      if (this.#pool.staging.count > 1) removeSnapshot(snapshot);
    }
    const reported = withImports(results, graph, shownDir).filter((r) => wanted.has(r.id));
    const report: Report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      ...seedFields(request.seed),
      dir: this.#options.dir,
      exercises: reported,
      summary: summarize(reported),
      skippedFiles: snapshot.skipped,
      durationMs: Math.round(performance.now() - started),
    };
    // Every output format renders this: learner-derived text bounded (see `bounds.ts`).
    return boundReport(report, limits.outputChars);
  }

  /** Stops the sandboxes and removes the staged files (see {@linkcode SandboxPool.close}). */
  close(): Promise<void> {
    return this.#pool.close();
  }

  /** Ends the session without waiting, for a process about to exit ({@linkcode SandboxPool.abandon}). */
  abandon(): void {
    this.#pool.abandon();
  }
}

const STATE: Record<ExerciseReport["status"], string> = {
  passed: "passes",
  failed: "fails some of its own tests",
  not_started: "is not written yet (it still calls todo())",
  error: "does not run (see its own report)",
  timeout: "runs out of time",
};

/**
 * The exercises' reports, each that did not pass telling which exercise files it imports did
 * not pass either (`failingImports`, and a first line of its message): a wrong softmax in 08
 * fails the training loop of 16 that imports it, and the place to fix it is 08.
 */
export function withImports(
  results: readonly ExerciseReport[],
  graph: ReadonlyMap<string, readonly Exercise[]>,
  shownDir: string,
): ExerciseReport[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return results.map((r) => {
    if (r.status === "passed") return r;
    const failing = (graph.get(r.id) ?? []).map((e) => byId.get(e.id))
      .filter((d): d is ExerciseReport => d !== undefined && d.status !== "passed")
      // A stub that is not started itself is simply not started: only an exercise whose calls
      // reached another file's todo() is held up by it (`notImplementedMessage` names the file).
      .filter((d) =>
        r.status !== "not_started" ||
        r.tests.some((t) => t.message?.includes(` of ${shownDir}/${d.file}, which is not`))
      );
    if (failing.length === 0) return r;
    const said = failing.map((d) =>
      `${shownDir}/${r.file} imports ${shownDir}/${d.file}, which ${STATE[d.status]}: fix ` +
      `exercise ${d.id} first; the failures here may come from it`
    ).join("\n");
    return {
      ...r,
      message: r.message ? `${said}\n${r.message}` : said,
      failingImports: failing.map((d) => ({ id: d.id, file: d.file, status: d.status })),
    };
  });
}

/**
 * Grades `options.dir` once and returns the report: a {@linkcode GradingSession} opened, used
 * and closed. Throws only on a usage error: {@linkcode NoSuchFolder},
 * {@linkcode MissingPermission} or an unknown exercise id.
 */
export function grade(options: GradeOptions): Promise<Report> {
  return gradeThenEnd(options, (session) => session.close());
}

/**
 * {@linkcode grade} for a process that exits right after (the command line): the session is
 * abandoned rather than closed (see {@linkcode SandboxPool.abandon}), which saves the end of the
 * run the wait for the sandboxes to stop.
 */
export function gradeBeforeExit(options: GradeOptions): Promise<Report> {
  return gradeThenEnd(options, (session) => session.abandon());
}

async function gradeThenEnd(
  options: GradeOptions,
  end: (session: GradingSession) => Promise<void> | void,
): Promise<Report> {
  const started = performance.now();
  const exercises = options.exercises ?? selectExercises(options.ids ?? []);
  const jobs = Math.max(1, Math.min(options.jobs ?? DEFAULT_JOBS, exercises.length));
  const session = await GradingSession.open({ ...options, jobs });
  try {
    // By name: the exercises they import are then graded with them (see `GradingSession.grade`).
    const report = await session.grade({
      seed: options.seed,
      ...(options.exercises ? { exercises } : { ids: options.ids ?? [] }),
      onProgress: options.onProgress,
      replay: options.replay,
    });
    report.durationMs = Math.round(performance.now() - started);
    return report;
  } finally {
    await end(session);
  }
}
