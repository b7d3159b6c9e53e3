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
import { KIT_DIR, type SandboxSlot } from "./pool.ts";
import { stubParameters } from "./stub_signatures.ts";
import { type Limits, type Sandbox, SandboxFailure, TimeBudget } from "./sandbox/sandbox.ts";
import { LearnerThrew, TestRun } from "./test_context.ts";
import { type RunSeed, testRngs } from "./secret_seed.ts";
import { diagnoseFailure } from "./diagnosis/failure.ts";
import { FOLLOW_UP_MS, type FollowUp, ownLossFollowUp } from "./diagnosis/own_gradient.ts";
import { decode, encode } from "./sandbox/wire.ts";
import { shrinkFirstFailure } from "./shrink.ts";
import { caseCommand, type CaseReplay, replayTest } from "./replay_case.ts";

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
  /** Run this one case instead of the hidden tests (see `replay_case.ts`). */
  replay?: CaseReplay;
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
  const frame = learnerFrame(e.stack, job);
  const where = frame ? ` (${shownLocation(frame, job)})` : "";
  const msg = shownText(firstLine(e.message), job);
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
  if (e.name === "MissingExport") return `${msg} of ${job.shownDir}/${job.exercise.file}`;
  return `${fn} threw ${e.name}: ${msg}${where}`;
}

/**
 * What a call that reached a `todo()` is told: the function not written yet, and, when it lives
 * in another exercise file that this one imports, that file (finish that exercise first).
 */
export function notImplementedMessage(fn: string, error: ThrownError, job: ExerciseJob): string {
  const e = clampThrown(error);
  const what = /^(\S+) is not implemented yet/.exec(e.message)?.[1];
  const frame = learnerFrame(e.stack, job);
  const loc = frame ? frameLocation(frame) : undefined;
  const file = loc && loc.path.slice(loc.path.lastIndexOf("/") + 1);
  if (what && file && file !== job.exercise.file && inStaged(loc.path, job)) {
    return `${fn} calls ${what} of ${job.shownDir}/${file}, which is not written yet (it still ` +
      `calls todo()): finish that exercise first`;
  }
  return what === fn
    ? shownText(e.message, job)
    : `${fn} is not implemented yet (${shownText(e.message, job)})`;
}

/** A V8 frame's location, "PATH:LINE:COL" at its end, read from the end in one pass. */
function frameLocation(frame: string): { path: string; line: number; col: number } | undefined {
  let end = frame.length;
  while (end > 0 && (frame[end - 1] === ")" || frame[end - 1] === " ")) end--;
  const colon2 = frame.lastIndexOf(":", end - 1);
  const colon1 = colon2 > 0 ? frame.lastIndexOf(":", colon2 - 1) : -1;
  if (colon1 < 0 || !digits(frame, colon1 + 1, colon2) || !digits(frame, colon2 + 1, end)) {
    return undefined;
  }
  let start = colon1;
  while (start > 0 && !/[\s(]/.test(frame[start - 1])) start--;
  let path = frame.slice(start, colon1);
  if (path.startsWith("file://")) path = path.slice("file://".length);
  if (!path.startsWith("/")) return undefined;
  return {
    path,
    line: Number(frame.slice(colon1 + 1, colon2)),
    col: Number(frame.slice(colon2 + 1, end)),
  };
}

/** Whether an absolute path lies in the staged copy of the submission. */
function inStaged(path: string, job: ExerciseJob): boolean {
  return job.stagedDir === undefined || path.startsWith(`${job.stagedDir}/`);
}

/**
 * The first frame of a stack in the learner's files (the staged folder), else the first frame;
 * undefined for an empty stack. A throw inside the kit's lib (a shape mismatch in `matmul`) is
 * then shown where the learner's code made the call.
 */
function learnerFrame(stack: readonly string[], job: ExerciseJob): string | undefined {
  for (const frame of stack) {
    const loc = frameLocation(frame);
    if (loc && inStaged(loc.path, job)) return frame;
  }
  return stack[0];
}

/**
 * A path as the learner knows it: a file of the staged copy as `exercises/<file>` (the folder
 * as given), a file of the kit as its path in the kit (`lib/matrix.ts`), anything else by its
 * name in the graded folder (never the grader's private folders).
 */
export function shownPath(path: string, job: ExerciseJob): string {
  if (job.stagedDir !== undefined && path.startsWith(`${job.stagedDir}/`)) {
    return `${job.shownDir}/${path.slice(job.stagedDir.length + 1)}`;
  }
  if (path.startsWith(`${KIT_DIR}/`) && !path.includes("/.cache/")) {
    return path.slice(KIT_DIR.length + 1);
  }
  return `${job.shownDir}/${path.slice(path.lastIndexOf("/") + 1)}`;
}

/**
 * Where a stack frame points, as the learner knows the file: "exercises/08_mse_loss.ts:12:9".
 * A V8 frame ends in its location, "PATH:LINE:COL" (in parentheses after a function name), so
 * this reads the frame from its end, in one pass: a regular expression that looks for the
 * location anywhere took time quadratic in the frame's length (200,000 slashes: minutes).
 * A frame with no location is shown as it is.
 */
export function shownLocation(frame: string, job: ExerciseJob): string {
  const loc = frameLocation(frame);
  return loc ? `${shownPath(loc.path, job)}:${loc.line}:${loc.col}` : frame;
}

/**
 * `text` with every path of the grader's private copy of the submission (see `staging.ts`)
 * shown as the learner's (`exercises/<file>`), and the kit's own paths relative to the kit.
 */
export function shownText(text: string, job: ExerciseJob): string {
  let out = text;
  if (job.stagedDir !== undefined) {
    out = out.replaceAll(`file://${job.stagedDir}/`, `${job.shownDir}/`)
      .replaceAll(`${job.stagedDir}/`, `${job.shownDir}/`);
  }
  // Another snapshot's folder (an earlier run's module): the same learner folder.
  out = out.replace(
    /(?:file:\/\/)?\/[^\s"'()]*\/\.cache\/staging\/[^\s"'()]*?\/exercises\//g,
    `${job.shownDir}/`,
  );
  return out.replaceAll(`file://${KIT_DIR}/`, "").replaceAll(`${KIT_DIR}/`, "");
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

/** The location an error of loading points to: its stack's first frame, or its message's "at …". */
function loadLocation(e: ThrownError): { path: string; line: number; col: number } | undefined {
  for (const frame of e.stack) {
    const loc = frameLocation(frame);
    if (loc) return loc;
  }
  const at = e.message.lastIndexOf("\n    at ");
  return at < 0 ? undefined : frameLocation(firstLine(e.message.slice(at + 1)));
}

/**
 * The import specifier written at a location of a staged file (`import x from "npm:y"` with
 * the location at or before its quote): what the learner wrote, not what it resolved to.
 */
function specifierAt(
  loc: { path: string; line: number; col: number } | undefined,
  job: ExerciseJob,
): string | undefined {
  if (!loc || job.stagedDir === undefined || !inStaged(loc.path, job)) return undefined;
  try {
    const line = Deno.readTextFileSync(loc.path).split("\n")[loc.line - 1] ?? "";
    const m = /["']([^"'\n]{1,300})["']/.exec(line.slice(Math.max(0, loc.col - 1)));
    return m?.[1];
  } catch {
    return undefined;
  }
}

/** The lines of a code frame in a parse error ("3 |   const x = …", "  |      ~"). */
function codeFrame(message: string): string[] {
  return message.split("\n").slice(1).filter((l) => /^\s*(?:\d+\s*)?\|/.test(l)).slice(0, 6);
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
  const loc = loadLocation(e);
  const where = loc ? `${shownPath(loc.path, job)}:${loc.line}:${loc.col}` : file;
  // Which file says it: the exercise's, or another file it imports.
  const from = loc && shownPath(loc.path, job) !== file ? `${file} could not load: ` : "";
  const syntax = e.name === "SyntaxError" || /^SyntaxError: /.test(first);
  const notFound = !syntax ? /Module not found "([^"\n]{1,2000})"/.exec(e.message) : null;
  if (notFound) {
    const target = notFound[1].startsWith("file://")
      ? notFound[1].slice("file://".length)
      : notFound[1];
    const written = specifierAt(loc, job);
    const imports = `${from}${where} imports${written ? ` "${written}"` : ""}`;
    if (job.stagedDir !== undefined && target.startsWith(`${job.stagedDir}/`)) {
      const rel = target.slice(job.stagedDir.length + 1);
      const skipped = job.skipped?.find((s) => s.startsWith(`${rel}: `));
      if (skipped) {
        return `${imports}, but ${job.shownDir}/${skipped}, so it was not graded with it`;
      }
      return `${imports}, which does not exist: there is no ${job.shownDir}/${rel} (check the ` +
        `file's name and folder)`;
    }
    if (job.stagedDir !== undefined) {
      return `${imports}, a file outside ${job.shownDir}/, which the sandbox does not allow: an ` +
        `exercise may import only "@gradkit/lib" and other files of its own folder`;
    }
  }
  const imported =
    /(?:read access to|import access to|Module not found|Cannot load module|Import|import path) "?([^"\s,]+)"?/
      .exec(
        e.message,
      )?.[1];
  if (
    (/Requires (read|import) access|Module not found|Cannot load module|Relative import path|npm specifiers|Importing npm|remote|jsr:/i
      .test(e.message) || saysNotAllowed(e.message)) && !syntax
  ) {
    const written = specifierAt(loc, job) ??
      /"((?:npm|jsr|https?):[^"\s]+)"/.exec(e.message)?.[1];
    const name = written ?? imported?.replace(/^file:\/\/\/.*\/exercises\//, "./");
    const kind = /^npm:/.test(name ?? "") || /npm specifiers|Importing npm/i.test(e.message)
      ? ", a package from npm,"
      : /^jsr:/.test(name ?? "")
      ? ", a package from JSR,"
      : /^https?:/.test(name ?? "")
      ? ", a module from the network,"
      : ",";
    return `${from}${where} imports${name ? ` "${shownText(name, job)}"` : ""}${kind} which ` +
      `the sandbox does not allow: an exercise may import only "@gradkit/lib" and other files ` +
      `of its own folder (${withoutFileFolders(shownText(first, job))})`;
  }
  if (/function Buffer|ext:deno_node/.test(e.message)) {
    // Booting Deno's Node layer fails against the frozen built-ins: a `node:` import.
    return `${file} imports a Node.js built-in module (node:…), which the sandbox does not ` +
      `allow: an exercise may import only "@gradkit/lib" and other files of its own folder`;
  }
  if (syntax || /parse|Expected|Unexpected/.test(e.message)) {
    const what = withoutFileFolders(shownText(first.replace(/^SyntaxError: /, ""), job));
    const frame = codeFrame(e.message);
    return `${from}${loc ? where : file} has a syntax error: ${what}` +
      (frame.length ? `\n${frame.join("\n")}` : "");
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
  // A replay runs one case in place of the hidden tests.
  const replayed = job.replay && replayTest(spec.tests[job.replay.test - 1], job.replay);
  const tests = replayed ? [replayed.test] : spec.tests;
  const notRun = (from: number) => {
    for (const t of tests.slice(from)) report.tests.push({ name: t.name, status: "not_run" });
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
        `kit (or the file was deleted); put its stub back to start it: ./deno task reset ` +
        `${exercise.id}${job.shownDir === "exercises" ? "" : ` --dir ${job.shownDir}`}`,
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

  const parameters = stubParameters(`${KIT_DIR}/${STUBS_DIR}/${exercise.file}`);
  const followUps: FollowUp[] = [];
  for (const [i, test] of tests.entries()) {
    const rngs = testRngs(job.seed, exercise.id, test.name);
    const run = new TestRun(
      rngs.inputs,
      { sandbox, url, budget, onOutput: collect, parameters },
      rngs.checks,
    );
    const result: TestReport = { name: test.name, status: "passed" };
    try {
      await test.run(run);
    } catch (e) {
      if (e instanceof SandboxFailure) return failed(e, i + 1, test.name);
      if (e instanceof CheckFailure) {
        result.status = "failed";
        result.message = e.message;
        if (e.mismatch) result.mismatch = e.mismatch;
        if (e.gradients) result.gradients = e.gradients;
        const diagnosis = diagnoseFailure(e, run.evidence(), test);
        if (diagnosis) result.diagnosis = diagnosis;
        const call = run.lossCall();
        if (call && e.values?.rows === 1 && e.values.cols === 1) followUps.push({ result, call });
      } else if (e instanceof LearnerThrew) {
        result.status = e.thrown.notImplemented ? "not_started" : "error";
        result.message = e.thrown.notImplemented
          ? notImplementedMessage(e.fn, e.thrown, job)
          : explainThrown(e.fn, e.thrown, job);
        const diagnosis = diagnoseFailure(e.thrown, run.evidence(), test);
        if (diagnosis && !e.thrown.notImplemented) result.diagnosis = diagnosis;
      } else {
        result.status = "error";
        result.message = grader(e);
      }
    }
    if (run.notes.length > 0) result.notes = run.notes;
    if (run.curves.length > 0) result.series = run.curves;
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
  // The smallest failing case: after the last test, on a time budget of its own (`shrink.ts`).
  const found = replayed ? replayed.shown() : await shrinkFirstFailure({
    exerciseId: exercise.id,
    tests,
    reports: report.tests,
    seed: job.seed,
    target: { sandbox, url, parameters },
  });
  if (found && replayed) report.tests[0].case = found;
  if (found && typeof job.seed === "number" && !job.replay?.inputs) {
    found.replay = caseCommand({
      id: exercise.id,
      dir: job.shownDir,
      seed: job.seed,
      test: found.test,
      sizes: found.sizes,
    });
  }
  // After the last test and the settling: calls that only explain, on budgets of their own.
  await ownLossFollowUp(followUps, async (name, args) => {
    const reply = await sandbox.request(
      { op: "call", url, name, args: args.map((a) => encode(a)) },
      new TimeBudget(FOLLOW_UP_MS),
    );
    return reply.ok ? decode(reply.value ?? { $undef: 1 }) : undefined;
  });
  sandbox.takeStray();
  report.status = exerciseStatus(report.tests);
  const firstBad = report.tests.find((t) => t.status !== "passed" && t.status !== "not_started");
  if (report.status === "error" && firstBad?.message) return finish(firstBad.message);
  return finish();
}
