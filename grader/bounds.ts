/**
 * How large learner-derived text may get, in a sandbox's reply and in a report. Learner code
 * controls its error names, messages and stack lines, what it prints, its export names and the
 * keys of what it returns; the grader clamps each of them before anything formats it
 * ({@linkcode clampThrown}, {@linkcode clampExports}), and every report passes through
 * {@linkcode boundReport} before any output format sees it. A report thus has a known maximum
 * size for a given course ({@linkcode maxReportChars}; docs/DESIGN.md states it for the kit's own).
 *
 * Clamped text keeps its start and ends in a visible marker, "… (N more characters)", within
 * the limit; a clamped list keeps its first entries and ends in "… and N more". Both are
 * idempotent: bounding a bounded report changes nothing.
 *
 * @module
 */

import type { ExerciseReport, Report, TestReport } from "./report.ts";
import type { ThrownError } from "./sandbox/protocol.ts";
import { boundSeries } from "./series.ts";

/** The bounds, in characters (UTF-16 code units) and entries. */
export const BOUNDS = {
  /** An exercise's or a test's message. */
  messageChars: 2000,
  /** One note of a test. */
  noteChars: 500,
  /** Notes kept per test. */
  notesPerTest: 10,
  /** Entries of `skippedFiles` kept. */
  skippedFiles: 50,
  /** One entry of `skippedFiles`. */
  skippedFileChars: 300,
  /** A thrown error's name, from the sandbox. */
  errorNameChars: 100,
  /** A thrown error's message, from the sandbox. */
  errorMessageChars: 2000,
  /** Stack frames of a thrown error kept, from the sandbox. */
  stackFrames: 5,
  /** One stack frame, from the sandbox. */
  frameChars: 500,
  /** Export names read from a module's load reply. */
  exportNames: 200,
  /** One export name (or its kind). */
  exportNameChars: 100,
} as const;

/** The longest marker {@linkcode clampText} appends (a count of up to 16 digits). */
const MARKER_MAX = " … (9999999999999999 more characters)".length;

/**
 * `text` if it has at most `max` characters, else its start and a marker saying how many
 * characters were left out, `max` characters in all. `total`: the length the text had before a
 * caller kept only its start (`text` may then be shorter than `total`).
 *
 * @example
 * ```ts
 * clampText("x".repeat(100), 60); // "xxx…x … (77 more characters)", 60 characters
 * ```
 */
export function clampText(text: string, max: number, total = text.length): string {
  if (total <= max && text.length <= max) return text;
  let keep = Math.max(0, max - MARKER_MAX);
  // Never split a surrogate pair: a lone half is not valid text.
  const c = text.charCodeAt(keep - 1);
  if (keep > 0 && c >= 0xd800 && c <= 0xdbff) keep--;
  const shown = text.slice(0, keep);
  return `${shown} … (${total - shown.length} more characters)`;
}

/**
 * `list` if it has at most `max` entries, else its first `max - 1` and an entry
 * "… and N more {what}".
 */
export function clampList(list: readonly string[], max: number, what: string): string[] {
  if (list.length <= max) return [...list];
  return [...list.slice(0, max - 1), `… and ${list.length - (max - 1)} more ${what}`];
}

/** A string field of a reply, or "" when a forged reply put something else there. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * An error as the sandbox reported it, with its name, message and stack frames (number and
 * length) clamped; fields of the wrong type (a forged reply) become empty. Cheap on a huge
 * message: only its start is copied.
 */
export function clampThrown(e: ThrownError): ThrownError {
  const stack = Array.isArray(e?.stack) ? e.stack.slice(0, BOUNDS.stackFrames) : [];
  return {
    name: clampText(textOf(e?.name), BOUNDS.errorNameChars),
    message: clampText(textOf(e?.message), BOUNDS.errorMessageChars),
    stack: stack.map((f) => clampText(textOf(f), BOUNDS.frameChars)),
    notImplemented: e?.notImplemented === true,
  };
}

/**
 * A module's exports as its load reply lists them (name → `typeof`), keeping at most
 * {@linkcode BOUNDS.exportNames} of them; longer names are dropped (no exercise asks for one),
 * and kinds clamped. The map has no prototype: an export named `constructor` or `__proto__`
 * is an ordinary entry, and a name that is not there reads as undefined.
 */
export function clampExports(exports: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (exports === null || typeof exports !== "object") return out;
  let n = 0;
  for (const name of Object.keys(exports)) {
    if (n === BOUNDS.exportNames) break;
    if (name.length > BOUNDS.exportNameChars) continue;
    const kind = (exports as Record<string, unknown>)[name];
    out[name] = clampText(textOf(kind), BOUNDS.exportNameChars);
    n++;
  }
  return out;
}

function boundTest(t: TestReport): TestReport {
  const out = { ...t };
  if (t.message !== undefined) out.message = clampText(t.message, BOUNDS.messageChars);
  if (t.notes !== undefined) {
    out.notes = clampList(t.notes, BOUNDS.notesPerTest, "notes")
      .map((n) => clampText(n, BOUNDS.noteChars));
  }
  if (t.series !== undefined) out.series = boundSeries(t.series);
  return out;
}

/**
 * An exercise's report with its learner-derived text bounded: messages, notes, and printed
 * output at `outputChars` (the run's output limit). Everything else in it comes from the kit
 * (id, title, file, hint, test names) or is a number.
 */
export function boundExercise(e: ExerciseReport, outputChars: number): ExerciseReport {
  const out = { ...e, tests: e.tests.map(boundTest) };
  if (e.message !== undefined) out.message = clampText(e.message, BOUNDS.messageChars);
  if (e.output !== undefined) out.output = clampText(e.output, outputChars);
  return out;
}

/**
 * The report every output format renders: each exercise bounded ({@linkcode boundExercise})
 * and `skippedFiles` clamped (entries and their length).
 */
export function boundReport(report: Report, outputChars: number): Report {
  return {
    ...report,
    exercises: report.exercises.map((e) => boundExercise(e, outputChars)),
    skippedFiles: clampList(report.skippedFiles, BOUNDS.skippedFiles, "files")
      .map((f) => clampText(f, BOUNDS.skippedFileChars)),
  };
}

/** What a course puts into a report on its own (the kit's text, not the learner's). */
export interface CourseText {
  /** Exercises graded. */
  exercises: number;
  /** Hidden tests, over all exercises graded. */
  tests: number;
  /** The run's printed-output limit per exercise. */
  outputChars: number;
}

/**
 * The most characters of learner-derived text a bounded report holds, for a course: each
 * exercise's message and output, each test's message and notes, and the skipped files. The
 * rest of a report is the kit's own text (ids, titles, hints, test names) and numbers, the
 * same for every submission. In the JSON report, a character takes at most 6 bytes (a control
 * character is escaped as `\u00XX`).
 */
export function maxReportChars(course: CourseText): number {
  return course.exercises * (BOUNDS.messageChars + course.outputChars) +
    course.tests * (BOUNDS.messageChars + BOUNDS.notesPerTest * BOUNDS.noteChars) +
    BOUNDS.skippedFiles * BOUNDS.skippedFileChars;
}
