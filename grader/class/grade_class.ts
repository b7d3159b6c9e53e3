/**
 * Grading a class: many submissions in one warm grader process, each in sandboxes of its own.
 *
 * - **Isolation.** Every submission is graded in a new {@linkcode SandboxPool}: a new staging
 *   folder holding a fresh snapshot of its exercise files, and new sandbox processes that may
 *   read only that folder and the kit's `lib/`. Nothing a learner's code does (a loop, memory,
 *   output, a module-level variable, a file left behind) outlives its submission's sandboxes,
 *   and each time limit is counted per exercise, on that exercise's own calls. Only the grader's
 *   process (trusted code: the specs, the checker) is shared, kept warm.
 * - **Concurrency.** `jobs` submissions are graded at once, each on its own lane; a lane starts
 *   its next submission's sandbox while it grades the current one, so that sandbox has booted
 *   by the time it is needed.
 * - **Resuming.** Each report is stored whole as it finishes, with the key it was graded under
 *   (a hash of the submission's exercise files, the kit, the limits and the class's inputs; see
 *   `output.ts`): a run finds the submissions whose key matches and grades only the others. Each
 *   submission's inputs are derived from the class's seed (or nonce), its file name and the hash
 *   of its files, so a resumed run grades every submission on the inputs an uninterrupted run
 *   would, and a submission changed since draws new ones.
 *
 * @module
 */

import { hashSeed } from "@gradkit/lib";
import { fromHex } from "../../lib/sha256.ts";
import { GradingSession } from "../grade.ts";
import { type Exercise, MANIFEST } from "../manifest.ts";
import { SandboxPool } from "../pool.ts";
import type { Report } from "../report.ts";
import { renderJson } from "../reporters/json.ts";
import type { Limits } from "../sandbox/sandbox.ts";
import { type RunSeed, SecretSeed } from "../secret_seed.ts";
import {
  gradebookOf,
  type GradebookRow,
  renderCsv,
  renderGradebookJson,
  rowOf,
  type RowSource,
} from "./gradebook.ts";
import { contentHash, hashParts, kitHash } from "./hash.ts";
import type { OutputFolder, RunState } from "./output.ts";
import { exercisesFolder, type Submission } from "./submissions.ts";

/** The class's inputs: a public seed, or a secret and the class's nonce (16 bytes each at least). */
export type ClassSeed =
  | { kind: "public"; seed: number }
  | { kind: "secret"; secret: Uint8Array; nonce: string };

/** What a class run reports as it goes (for a progress display). */
export type ClassEvent =
  | { kind: "start"; total: number; toGrade: number; kept: number }
  | { kind: "done"; row: GradebookRow; ms: number; done: number; toGrade: number };

/** How {@linkcode gradeClass} runs. */
export interface ClassRunOptions {
  submissions: readonly Submission[];
  out: OutputFolder;
  /** The class's inputs (already reconciled with the output folder's `run.json`). */
  seed: ClassSeed;
  limits: Limits;
  /** Submissions graded at once. */
  jobs: number;
  /** The course (the manifest's by default). */
  exercises?: readonly Exercise[];
  onEvent?: (event: ClassEvent) => void;
  /** Start each lane's next sandbox while it grades (default: true; the bench turns it off). */
  prestart?: boolean;
}

/** What {@linkcode gradeClass} did. */
export interface ClassResult {
  rows: GradebookRow[];
  /** Submissions graded by this run. */
  graded: number;
  /** Submissions whose stored report was kept (unchanged since it was graded). */
  kept: number;
}

/** The run state the class's seed is stored as (never the secret). */
export function runStateOf(seed: ClassSeed): RunState {
  return seed.kind === "public"
    ? { version: 1, inputs: "public", seed: seed.seed, nonce: null }
    : { version: 1, inputs: "secret", seed: null, nonce: seed.nonce };
}

/**
 * A submission's own inputs: for a public class seed, a 32-bit seed hashed from it, the file name
 * and the content hash; under a secret, a nonce made the same way (the first 16 bytes of a
 * SHA-256 of public values: nothing of the secret).
 */
async function submissionSeed(seed: ClassSeed, file: string, content: string): Promise<RunSeed> {
  if (seed.kind === "public") return hashSeed(seed.seed, "class submission", file, content);
  const nonce = await hashParts(["gradkit class nonce v1", seed.nonce, file, content]);
  return new SecretSeed(seed.secret, fromHex(nonce.slice(0, 32)));
}

/**
 * How often the gradebook is rewritten while a run goes on. Each rewrite of a class of 200 writes
 * about 150 kB and renames two files (1–5 ms here): after every submission, that was a few
 * percent of a run.
 */
export const GRADEBOOK_EVERY_MS = 250;

/** A submission on its way through a run. */
interface Item {
  submission: Submission;
  dir: string;
  source: RowSource;
  key?: string;
  seed?: RunSeed;
}

/**
 * Grades every submission not graded already under the same key, writing each report as it
 * finishes and the gradebook after each one (and once more at the end). Returns the rows in name
 * order.
 */
export async function gradeClass(options: ClassRunOptions): Promise<ClassResult> {
  const { limits } = options;
  const exercises = options.exercises ?? MANIFEST;
  // The first submissions' sandboxes boot while the class is read and hashed (a fresh pool
  // each, for whichever submission a lane takes first; stopped unused if fewer need grading).
  const prestart = options.prestart !== false;
  const startPool = () => SandboxPool.start({ jobs: 1, limits });
  const early: SandboxPool[] = prestart
    ? Array.from(
      { length: Math.max(0, Math.min(Math.floor(options.jobs), options.submissions.length)) },
      startPool,
    )
    : [];
  try {
    return await gradeItems(options, exercises, early, startPool);
  } finally {
    await Promise.all(early.map((pool) => pool.close()));
  }
}

/** {@linkcode gradeClass} once its first sandboxes are started (`early`, taken by the lanes). */
async function gradeItems(
  options: ClassRunOptions,
  exercises: readonly Exercise[],
  early: SandboxPool[],
  startPool: () => SandboxPool,
): Promise<ClassResult> {
  const { out, limits } = options;
  const kit = await kitHash();
  const limitsKey = JSON.stringify([limits.timeMs, limits.memoryMb, limits.outputChars]);
  const runKey = JSON.stringify(runStateOf(options.seed));
  const ids = exercises.map((e) => e.id).join(",");

  const items: Item[] = [];
  const todo: Item[] = [];
  for (const submission of options.submissions) {
    const { dir, problem } = exercisesFolder(submission.folder);
    const source: RowSource = {
      name: submission.name,
      report: submission.file,
      folder: submission.folder,
    };
    const item: Item = { submission, dir, source };
    items.push(item);
    if (problem) {
      source.problem = problem;
      continue;
    }
    let content: string;
    try {
      content = await contentHash(dir);
    } catch (e) {
      source.problem = `cannot read ${dir}: ${(e as Error).message}`;
      continue;
    }
    item.key = await hashParts(["gradkit class key v1", kit, content, limitsKey, runKey, ids]);
    const stored = out.doneUnder(submission.file, item.key);
    if (stored !== undefined) {
      try {
        source.graded = JSON.parse(stored) as Report;
        continue;
      } catch {
        // a report that does not parse: graded again
      }
    }
    item.seed = await submissionSeed(options.seed, submission.file, content);
    todo.push(item);
  }

  const kept = items.filter((i) => i.source.graded).length;
  options.onEvent?.({ kind: "start", total: items.length, toGrade: todo.length, kept });
  const run = { ...runStateOf(options.seed), limits: { ...limits } };
  let written = -Infinity;
  const writeGradebook = () => {
    written = performance.now();
    const book = gradebookOf(run, exercises, items.map((i) => rowOf(i.source, exercises)));
    out.writeWhole(`${out.dir}/gradebook.json`, renderGradebookJson(book));
    out.writeWhole(`${out.dir}/gradebook.csv`, renderCsv(book));
  };
  writeGradebook();

  let done = 0;
  const toGrade = todo.length;
  const lane = async () => {
    let next: SandboxPool | undefined;
    try {
      for (let item = todo.shift(); item; item = todo.shift()) {
        const pool = next ?? early.shift() ?? startPool();
        // The next submission's sandbox boots while this one is graded.
        next = todo.length > 0 && options.prestart !== false ? startPool() : undefined;
        const started = performance.now();
        await gradeOne(item, pool, options, exercises);
        done++;
        // Rewritten whole, at most every GRADEBOOK_EVERY_MS (and once more at the end): a kill
        // leaves a consistent gradebook, a moment behind the reports at most.
        if (performance.now() - written >= GRADEBOOK_EVERY_MS) writeGradebook();
        options.onEvent?.({
          kind: "done",
          row: rowOf(item.source, exercises),
          ms: performance.now() - started,
          done,
          toGrade,
        });
      }
    } finally {
      await next?.close();
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(options.jobs), todo.length));
  // Sandboxes started early that no lane will take (fewer submissions to grade than lanes).
  await Promise.all(early.splice(todo.length).map((pool) => pool.close()));
  await Promise.all(Array.from({ length: lanes }, lane));
  writeGradebook();
  return {
    rows: items.map((i) => rowOf(i.source, exercises)),
    graded: done,
    kept,
  };
}

/** Grades one submission in `pool` (closed after) and stores its report. */
async function gradeOne(
  item: Item,
  pool: SandboxPool,
  options: ClassRunOptions,
  exercises: readonly Exercise[],
): Promise<void> {
  let session: GradingSession | undefined;
  try {
    session = await GradingSession.open({ dir: item.dir, jobs: 1, limits: options.limits, pool });
    const report = await session.grade({ seed: item.seed!, exercises });
    options.out.saveReport(item.submission.file, item.key!, renderJson(report));
    item.source.graded = report;
  } catch (e) {
    item.source.problem = (e as Error).message;
  } finally {
    if (session) await session.close();
    else await pool.close();
  }
}
