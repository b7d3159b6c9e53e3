/**
 * The terminal view of a report: a line per exercise, and under each one that did not pass,
 * what was checked, the worst element and the tolerance, what the code printed, and a hint.
 *
 * @module
 */

import type { ExerciseReport, ExerciseStatus, Report, TestStatus } from "../report.ts";

/** How to render. */
export interface TerminalOptions {
  /** Use colors (off when NO_COLOR is set or output is not a terminal). */
  color: boolean;
  /** The command that replays this run exactly, shown last. */
  replay?: string;
}

const LABELS: Record<ExerciseStatus | TestStatus, string> = {
  passed: "passed",
  failed: "FAILED",
  not_started: "not started",
  error: "ERROR",
  timeout: "TIMEOUT",
  not_run: "not run",
};

// ANSI foreground colors (SGR codes: 32 green, 31 red, 33 yellow, 90 gray; 39 resets), written
// out rather than taken from `node:util`'s `styleText`, whose import boots Deno's Node.js layer.
const GREEN = 32, RED = 31, YELLOW = 33, GRAY = 90;
const COLORS: Record<ExerciseStatus | TestStatus, number> = {
  passed: GREEN,
  failed: RED,
  not_started: YELLOW,
  error: RED,
  timeout: RED,
  not_run: GRAY,
};

/**
 * Makes text from learner code safe to show: control characters (escape sequences that could
 * move the cursor, clear the screen or fake a verdict's color) are shown as visible escapes.
 */
export function visible(text: string): string {
  return text.replace(
    // deno-lint-ignore no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

function indent(text: string, prefix: string): string {
  return text.trimEnd().split("\n").map((l) => prefix + l).join("\n");
}

function exerciseBlock(
  e: ExerciseReport,
  paint: (s: ExerciseStatus | TestStatus, t: string) => string,
): string {
  const passed = e.tests.filter((t) => t.status === "passed").length;
  const lines = [
    `${paint(e.status, LABELS[e.status].padEnd(11))} ${
      e.id.padEnd(26)
    } ${passed}/${e.tests.length} tests  ${e.points}/${e.maxPoints} pts  (${e.file})`,
  ];
  if (e.status === "passed" || (e.status === "not_started" && !e.message)) {
    return lines.join("\n");
  }
  if (e.message) lines.push(indent(visible(e.message), "    "));
  for (const t of e.tests) {
    if (t.status === "passed" || t.status === "not_run") continue;
    lines.push(`    ${paint(t.status, "✗")} ${t.name}`);
    if (t.message) lines.push(indent(visible(t.message), "        "));
    for (const note of t.notes ?? []) lines.push(`        note: ${visible(note)}`);
  }
  if (e.output) lines.push("    printed:", indent(visible(e.output.slice(0, 2000)), "      | "));
  if (e.hint && e.status !== "not_started") lines.push(`    hint: ${e.hint}`);
  return lines.join("\n");
}

/** Renders the report for a person at a terminal. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint = (s: ExerciseStatus | TestStatus, text: string) =>
    options.color ? `\x1b[${COLORS[s]}m${text}\x1b[39m` : text;
  const s = report.summary;
  const from = report.inputs === "secret"
    ? `secret inputs (GRADER_SEED, nonce ${report.nonce})`
    : `seed ${report.seed}`;
  const out = [`gradkit: grading ${report.dir} with ${from}`, ""];
  for (const e of report.exercises) out.push(exerciseBlock(e, paint));
  for (const f of report.skippedFiles) out.push(`skipped ${f}`);
  out.push(
    "",
    `${s.passed}/${s.total} exercises passed, ${s.failed} failed, ${s.notStarted} not started, ` +
      `${s.error} errors, ${s.timeout} timeouts; ${s.points}/${s.maxPoints} points ` +
      `(${(report.durationMs / 1000).toFixed(2)} s)`,
  );
  const next = report.exercises.find((e) => e.status !== "passed");
  if (next) out.push(`next: ${report.dir.replace(/\/+$/, "")}/${next.file} (${next.title})`);
  if (options.replay) out.push(`replay exactly: ${options.replay}`);
  return out.join("\n") + "\n";
}
