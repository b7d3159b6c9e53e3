/**
 * The gradebook of a class run: one row per submission, a column of points per exercise (course
 * order), the total, and the count of exercises in each status. Written as CSV (for a
 * spreadsheet) and JSON (for a script); both are views of the same rows, and neither holds a
 * timing, so a resumed run's gradebook is byte for byte an uninterrupted run's.
 *
 * @module
 */

import type { Exercise } from "../manifest.ts";
import type { Report } from "../report.ts";

/** The version of the gradebook JSON's shape. */
export const GRADEBOOK_VERSION = 1;

/** Where a submission stands. */
export type RowState = "graded" | "pending" | "not_graded";

/** One submission's row. */
export interface GradebookRow {
  name: string;
  /** Its report's file, in the output folder (`<file>.json`). */
  report: string;
  /** `graded`; `pending` (not graded yet: a partial gradebook); `not_graded` (see `problem`). */
  state: RowState;
  /** The folder graded, as given. */
  folder: string;
  /** The inputs it was graded on: its public seed, or its nonce (secret inputs). */
  seed: number | null;
  nonce: string | null;
  /** Points per exercise id, in course order (all zero unless graded). */
  points: Record<string, number>;
  total: number;
  maxTotal: number;
  counts: { passed: number; failed: number; notStarted: number; error: number; timeout: number };
  /** Why it could not be graded (`not_graded`), else null. */
  problem: string | null;
}

/** The whole gradebook. */
export interface Gradebook {
  gradebookVersion: number;
  /** The class run's inputs (each submission's own are derived from them: see `class.md`). */
  inputs: "public" | "secret";
  seed: number | null;
  nonce: string | null;
  limits: { timeMs: number; memoryMb: number; outputChars: number };
  exercises: { id: string; title: string; maxPoints: number }[];
  submissions: GradebookRow[];
  summary: {
    submissions: number;
    graded: number;
    pending: number;
    notGraded: number;
    meanTotal: number;
    maxTotal: number;
  };
}

/** Rounds points to hundredths (points are proportional to tests passed: 6.666… of 10). */
export function roundPoints(x: number): number {
  return Math.round(x * 100) / 100;
}

/** What a row starts from: the submission, and its report or why there is none. */
export interface RowSource {
  name: string;
  report: string;
  folder: string;
  graded?: Report;
  problem?: string;
}

/** A row of `exercises` from a submission's report (or its absence). */
export function rowOf(source: RowSource, exercises: readonly Exercise[]): GradebookRow {
  const r = source.graded;
  const points: Record<string, number> = {};
  for (const e of exercises) {
    points[e.id] = roundPoints(r?.exercises.find((x) => x.id === e.id)?.points ?? 0);
  }
  const maxTotal = exercises.reduce((a, e) => a + e.points, 0);
  return {
    name: source.name,
    report: `${source.report}.json`,
    state: r ? "graded" : source.problem ? "not_graded" : "pending",
    folder: source.folder,
    seed: r?.seed ?? null,
    nonce: r?.nonce ?? null,
    points,
    total: roundPoints(Object.values(points).reduce((a, p) => a + p, 0)),
    maxTotal,
    counts: {
      passed: r?.summary.passed ?? 0,
      failed: r?.summary.failed ?? 0,
      notStarted: r?.summary.notStarted ?? 0,
      error: r?.summary.error ?? 0,
      timeout: r?.summary.timeout ?? 0,
    },
    problem: r ? null : source.problem ?? null,
  };
}

/** The gradebook of `rows` (already in order). */
export function gradebookOf(
  run: Pick<Gradebook, "inputs" | "seed" | "nonce" | "limits">,
  exercises: readonly Exercise[],
  rows: GradebookRow[],
): Gradebook {
  const graded = rows.filter((r) => r.state === "graded");
  return {
    gradebookVersion: GRADEBOOK_VERSION,
    inputs: run.inputs,
    seed: run.seed,
    nonce: run.nonce,
    limits: run.limits,
    exercises: exercises.map((e) => ({ id: e.id, title: e.title, maxPoints: e.points })),
    submissions: rows,
    summary: {
      submissions: rows.length,
      graded: graded.length,
      pending: rows.filter((r) => r.state === "pending").length,
      notGraded: rows.filter((r) => r.state === "not_graded").length,
      meanTotal: graded.length === 0
        ? 0
        : roundPoints(graded.reduce((a, r) => a + r.total, 0) / graded.length),
      maxTotal: exercises.reduce((a, e) => a + e.points, 0),
    },
  };
}

/**
 * A CSV cell: quoted when it holds a comma, a quote or a line break; a text that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
 * prefixed with `'`, which spreadsheets show as text.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The gradebook as CSV: a header row, then one row per submission: `name`, `report`, `state`,
 * one column of points per exercise (its id), `total`, `max_total`, `passed`, `failed`,
 * `not_started`, `error`, `timeout`, `problem`. Line ends are `\r\n` (RFC 4180).
 */
export function renderCsv(book: Gradebook): string {
  const header = [
    "name",
    "report",
    "state",
    ...book.exercises.map((e) => e.id),
    "total",
    "max_total",
    "passed",
    "failed",
    "not_started",
    "error",
    "timeout",
    "problem",
  ];
  const lines = [header.join(",")];
  for (const r of book.submissions) {
    lines.push([
      csvCell(r.name),
      csvCell(r.report),
      r.state,
      ...book.exercises.map((e) => csvCell(r.points[e.id] ?? 0)),
      csvCell(r.total),
      csvCell(r.maxTotal),
      r.counts.passed,
      r.counts.failed,
      r.counts.notStarted,
      r.counts.error,
      r.counts.timeout,
      csvCell(r.problem ?? ""),
    ].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** The gradebook as JSON (two-space indented, ending in a newline). */
export function renderGradebookJson(book: Gradebook): string {
  return JSON.stringify(book, null, 2) + "\n";
}
