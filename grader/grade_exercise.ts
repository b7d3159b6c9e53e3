/**
 * Grading one exercise: load the learner's file in a sandbox, check its exports, run the hidden
 * tests, and turn every way it can go wrong into a verdict with a one-line explanation.
 *
 * @module
 */

import { type Exercise, STUBS_DIR } from "./manifest.ts";
import { earnedPoints, type ExerciseReport, exerciseStatus, type TestReport } from "./report.ts";
import { boundExercise, clampExports, clampText, clampThrown } from "./bounds.ts";
import { CheckFailure } from "./spec.ts";
import type { ThrownError } from "./sandbox/protocol.ts";
import { refusedNodeModule } from "./sandbox/import_map.ts";
import type { SandboxSlot } from "./pool.ts";
import { type Limits, type Sandbox, SandboxFailure, TimeBudget } from "./sandbox/sandbox.ts";
import { LearnerThrew, TestRun } from "./test_context.ts";
import { type RunSeed, testRngs } from "./secret_seed.ts";

/** What grading one exercise needs. */
export interface ExerciseJob {
  exercise: Exercise;
  /** The staged folder the sandbox reads the exercise from. */
  stagedDir: string;
  /** How the learner's folder is named in messages (e.g. "exercises"). */
  shownDir: string;
  /** The run's seed: each test draws from `testRng(seed, exercise id, test name)`. */
  seed: RunSeed;
  limits: Limits;
  /** Why files of the submission were not staged ("name: reason"), from the staging. */
  skipped?: readonly string[];
}

/** The first line of `text`. */
function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end < 0 ? text : text.slice(0, end);
}

/**
 * Explains an exception thrown by learner code in a line, naming what to do. The error is
 * clamped first ({@linkcode clampThrown}), and nothing here scans its text more than a few
 * times over: learner code controls all of it.
 */
export function explainThrown(fn: string, error: ThrownError, job: ExerciseJob): string {
  const e = clampThrown(error);
  const where = e.stack[0] ? ` (${shownLocation(e.stack[0], job)})` : "";
  const msg = firstLine(e.message);
  if (
    /NotCapable|PermissionDenied/.test(e.name) || /Requires \w+ access|Failed to spawn/.test(msg)
  ) {
    return `${fn} tried to reach outside the sandbox: ${msg}. Exercises may only compute: ` +
      `no files, network, environment variables or subprocesses${where}`;
  }
  if (e.name === "ExitRefused") return `${fn}: ${msg}${where}`;
  if (/read.only property|not extensible|Cannot redefine|object is not extensible/.test(msg)) {
    return `${fn} tried to change a built-in or the kit's lib (${msg}); exercises may not ` +
      `override built-ins${where}`;
  }
  if (e.name === "MissingExport") return `${msg} of ${job.exercise.file}`;
  return `${fn} threw ${e.name}: ${msg}${where}`;
}

/**
 * Where a stack frame points, as the learner knows the file: "exercises/07_mse_loss.ts:12".
 * A V8 frame ends in its location, "PATH:LINE:COL" (in parentheses after a function name), so
 * this reads the frame from its end, in one pass: a regular expression that looks for the
 * location anywhere took time quadratic in the frame's length (200,000 slashes: minutes).
 * A frame with no location is shown as it is.
 */
export function shownLocation(frame: string, job: ExerciseJob): string {
  let end = frame.length;
  while (end > 0 && (frame[end - 1] === ")" || frame[end - 1] === " ")) end--;
  const colon2 = frame.lastIndexOf(":", end - 1);
  const colon1 = colon2 > 0 ? frame.lastIndexOf(":", colon2 - 1) : -1;
  if (colon1 < 0 || !digits(frame, colon1 + 1, colon2) || !digits(frame, colon2 + 1, end)) {
    return frame;
  }
  let start = colon1;
  while (start > 0 && !/[\s(]/.test(frame[start - 1])) start--;
  let path = frame.slice(start, colon1);
  if (path.startsWith("file://")) path = path.slice("file://".length);
  if (!path.startsWith("/")) return frame;
  return `${job.shownDir}/${path.slice(path.lastIndexOf("/") + 1)}:${
    frame.slice(colon1 + 1, colon2)
  }`;
}

/** Whether `text[from, to)` is a non-empty run of decimal digits. */
function digits(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether some line of `text` has "not" before "supported" or "allowed" (any case). */
function saysNotAllowed(text: string): boolean {
  for (const line of text.toLowerCase().split("\n")) {
    const not = line.indexOf("not");
    if (not < 0) continue;
    if (line.lastIndexOf("supported") >= not + 3 || line.lastIndexOf("allowed") >= not + 3) {
      return true;
    }
  }
  return false;
}

/** `text` without the folders of its `file://` URLs ("file:///a/b/x.ts:1" → "x.ts:1"). */
function withoutFileFolders(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const at = text.indexOf("file://", from);
    if (at < 0) return out + text.slice(from);
    let end = at + "file://".length;
    while (end < text.length && !/\s/.test(text[end])) end++;
    // Up to the last slash of the URL's run of non-space characters.
    const slash = text.lastIndexOf("/", end - 1);
    out += text.slice(from, at);
    from = slash >= at + "file://".length ? slash + 1 : at + "file://".length;
    if (from === at + "file://".length) out += "file://";
  }
}

/** Explains why an exercise file could not be loaded (the error clamped first, as above). */
export function explainLoadError(error: ThrownError, job: ExerciseJob): string {
  const e = clampThrown(error);
  const file = `${job.shownDir}/${job.exercise.file}`;
  const node = refusedNodeModule(e.message);
  if (node) {
    return `${file} imports ${node}, a Node.js built-in module, which the sandbox refuses: an ` +
      `exercise may import only "@gradkit/lib" and other files of its own folder`;
  }
  const first = firstLine(e.message);
  const imported =
    /(?:read access to|import access to|Module not found|Cannot load module|Import) "?([^"\s,]+)"?/
      .exec(
        e.message,
      )?.[1];
  if (
    (/Requires (read|import) access|Module not found|Cannot load module|Relative import path|npm specifiers|Importing npm|remote/i
      .test(e.message) || saysNotAllowed(e.message)) && e.name !== "SyntaxError"
  ) {
    const what = imported ? ` "${imported.replace(/^file:\/\/\/.*\/exercises\//, "./")}"` : "";
    return `${file} imports${what}, which the sandbox does not allow: an exercise may import ` +
      `only "@gradkit/lib" and other files of its own folder (${first})`;
  }
  if (/function Buffer|ext:deno_node/.test(e.message)) {
    // Booting Deno's Node layer fails against the frozen built-ins: a `node:` import.
    return `${file} imports a Node.js built-in module (node:…), which the sandbox does not ` +
      `allow: an exercise may import only "@gradkit/lib" and other files of its own folder`;
  }
  if (e.name === "SyntaxError" || /parse|Expected|Unexpected/.test(e.message)) {
    return `${file} has a syntax error: ${withoutFileFolders(first)}`;
  }
  if (e.notImplemented) return `${file} calls todo() while loading; move it inside a function`;
  return `${file} threw while loading: ${explainThrown("the module", e, job)}`;
}

function grader(e: unknown): string {
  return `internal grader error (not your fault; please report it): ${
    e instanceof Error ? e.stack ?? e.message : String(e)
  }`;
}

/**
 * Grades one exercise in the sandbox `slot` hands out. Never throws.
 *
 * Other exercises are graded in the same sandbox at the same time (see `grade.ts`), and a
 * sandbox that stops (a limit hit, a crash) is charged to the exercise whose request was running
 * (the worker says when it starts on one). An exercise cut short by another's failure is graded
 * again from the start in the slot's next sandbox. When no request was running (code left
 * running after a call returned, or a crash between requests), nobody can be charged: every
 * exercise it cut short is graded again alone in its slot, where whatever happens is its own.
 * Each failure ends one exercise or sends them alone, so this ends; with no failure, each
 * exercise is graded once.
 */
export async function gradeExercise(job: ExerciseJob, slot: SandboxSlot): Promise<ExerciseReport> {
  for (;;) {
    const report = await slot.lock.shared(() => gradeAttempt(job, slot, false));
    if (report === ALONE) return await slot.lock.exclusive(() => gradeAttempt(job, slot, true));
    if (report !== AGAIN) return report;
  }
}

/** What a shared attempt returns when another exercise's request stopped the sandbox. */
const AGAIN = Symbol("again");
/** What a shared attempt returns when the sandbox stopped with no request running. */
const ALONE = Symbol("alone");

async function gradeAttempt(
  job: ExerciseJob,
  slot: SandboxSlot,
  alone: true,
): Promise<ExerciseReport>;
async function gradeAttempt(
  job: ExerciseJob,
  slot: SandboxSlot,
  alone: false,
): Promise<ExerciseReport | typeof AGAIN | typeof ALONE>;
async function gradeAttempt(
  job: ExerciseJob,
  slot: SandboxSlot,
  alone: boolean,
): Promise<ExerciseReport | typeof AGAIN | typeof ALONE> {
  /** Whether a failure is this attempt's to report, or what to do instead. */
  const charged = (f: SandboxFailure) =>
    alone || f.during === "this" ? undefined : f.during === "another" ? AGAIN : ALONE;
  const started = performance.now();
  const { exercise } = job;
  const spec = exercise.spec;
  /** What the code printed (its first `outputChars` characters), and how much in all. */
  let output = "";
  let printed = 0;
  const report: ExerciseReport = {
    id: exercise.id,
    title: exercise.title,
    file: exercise.file,
    status: "error",
    points: 0,
    maxPoints: exercise.points,
    tests: [],
    hint: spec.hint,
    durationMs: 0,
  };
  const finish = (message?: string): ExerciseReport => {
    if (message) report.message = message;
    if (output.trim()) report.output = clampText(output, job.limits.outputChars, printed);
    report.durationMs = Math.round(performance.now() - started);
    report.points = earnedPoints(exercise.points, report.tests);
    return boundExercise(report, job.limits.outputChars);
  };
  const notRun = (from: number) => {
    for (const t of spec.tests.slice(from)) report.tests.push({ name: t.name, status: "not_run" });
  };

  const path = `${job.stagedDir}/${exercise.file}`;
  try {
    const info = Deno.lstatSync(path);
    if (!info.isFile) throw new Error("not a file");
  } catch {
    const refused = job.skipped?.find((s) => s.startsWith(`${exercise.file}: `));
    if (refused) {
      notRun(0);
      report.status = "error";
      return finish(`${job.shownDir}/${refused} (so it was not graded)`);
    }
    // Most often a folder begun before this exercise joined the course: not started, not an error.
    notRun(0);
    report.status = "not_started";
    return finish(
      `${job.shownDir}/${exercise.file} is not there: the exercise is new in this version of the ` +
        `kit (or the file was deleted); copy its stub to start it: ` +
        `cp ${STUBS_DIR}/${exercise.file} ${job.shownDir}/`,
    );
  }

  let sandbox: Sandbox;
  try {
    sandbox = slot.get();
  } catch (e) {
    notRun(0);
    return finish(grader(e)); // Deno could not start one (its socket refused?)
  }
  const budget = new TimeBudget(job.limits.timeMs);
  const url = new URL(`file://${path}`).href;
  const collect = (text: string) => {
    printed += text.length;
    if (output.length < job.limits.outputChars) {
      output += text.slice(0, job.limits.outputChars - output.length);
    }
  };
  const failed = (f: SandboxFailure, from: number, name?: string) => {
    const instead = charged(f);
    if (instead) return instead;
    collect(sandbox.takeStray());
    if (name) {
      report.tests.push({
        name,
        status: f.kind === "timeout" ? "timeout" : "error",
        message: f.message,
      });
    }
    notRun(from);
    report.status = f.kind === "timeout" ? "timeout" : "error";
    return finish(f.message);
  };

  try {
    const loaded = await sandbox.request({ op: "load", url }, budget);
    collect(loaded.output + sandbox.takeStray());
    if (!loaded.ok) {
      notRun(0);
      report.status = "error";
      return finish(explainLoadError(loaded.error, job));
    }
    const exports = clampExports(loaded.exports);
    for (const name of spec.exports) {
      const kind = exports[name];
      if (kind !== "function") {
        notRun(0);
        report.status = "error";
        return finish(
          kind === undefined
            ? `${job.shownDir}/${exercise.file} does not export ${name} (keep the stub's exported names)`
            : `${name} is exported as a ${kind}, but it must be a function`,
        );
      }
    }
  } catch (e) {
    if (e instanceof SandboxFailure) return failed(e, 0);
    notRun(0);
    return finish(grader(e));
  }

  for (const [i, test] of spec.tests.entries()) {
    const rngs = testRngs(job.seed, exercise.id, test.name);
    const run = new TestRun(rngs.inputs, { sandbox, url, budget, onOutput: collect }, rngs.checks);
    const result: TestReport = { name: test.name, status: "passed" };
    try {
      await test.run(run);
    } catch (e) {
      if (e instanceof SandboxFailure) return failed(e, i + 1, test.name);
      if (e instanceof CheckFailure) {
        result.status = "failed";
        result.message = e.message;
        if (e.mismatch) result.mismatch = e.mismatch;
      } else if (e instanceof LearnerThrew) {
        result.status = e.thrown.notImplemented ? "not_started" : "error";
        result.message = e.thrown.notImplemented
          ? `${e.fn} is not implemented yet (${e.thrown.message})`
          : explainThrown(e.fn, e.thrown, job);
      } else {
        result.status = "error";
        result.message = grader(e);
      }
    }
    if (run.notes.length > 0) result.notes = run.notes;
    report.tests.push(result);
  }

  try {
    const settled = await sandbox.request(
      { op: "settle", url },
      new TimeBudget(Math.min(budget.remainingMs, 2000)),
    );
    collect(settled.output);
  } catch (e) {
    if (e instanceof SandboxFailure) {
      const instead = charged(e);
      if (instead) return instead;
      collect(sandbox.takeStray());
      report.status = "error";
      return finish(
        `the code kept running after its functions returned (a timer or a promise loop?): ${e.message}`,
      );
    }
  }
  collect(sandbox.takeStray());
  report.status = exerciseStatus(report.tests);
  const firstBad = report.tests.find((t) => t.status !== "passed" && t.status !== "not_started");
  if (report.status === "error" && firstBad?.message) return finish(firstBad.message);
  return finish();
}
