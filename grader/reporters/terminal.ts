/**
 * The terminal view of a report: a line per exercise, and under each one that did not pass,
 * what was checked, the worst element and the tolerance, what the code printed, and a hint.
 *
 * @module
 */

import type { ExerciseReport, ExerciseStatus, Report, TestReport, TestStatus } from "../report.ts";
import type { GradientRow } from "../spec.ts";
import { sparklineChart } from "./sparkline.ts";
import { caseLines } from "./_case.ts";

/** How to render. */
export interface TerminalOptions {
  /** Use colors (see `useColor` in `tty.ts`: off under NO_COLOR, TERM=dumb or a pipe). */
  color: boolean;
  /** The command that replays this run exactly, shown last. */
  replay?: string;
  /** Columns to wrap messages at (default 80). */
  width?: number;
  /**
   * Everything: every failing test (not the first three), the notes, the passed tests, the
   * whole printed output. The default leaves these out and says so.
   */
  verbose?: boolean;
  /**
   * Draw curves in plain ASCII, not block characters (see `useUnicode` in `tty.ts`: a dumb
   * terminal or a locale that is not UTF-8).
   */
  ascii?: boolean;
}

/** Columns when the width is not known. */
export const DEFAULT_WIDTH = 80;
/** Failing tests shown per exercise by default. */
const SHOWN_FAILURES = 3;
/**
 * Charts shown under an exercise that passed, by default: those with the most curves
 * (`--verbose`: all of them).
 */
const SHOWN_PASSED_CHARTS = 1;
/** Lines of printed output shown per exercise by default. */
const SHOWN_OUTPUT_LINES = 10;

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

/** "1 error", "2 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `text` wrapped to `width` columns, every line starting with `prefix` (a line of the text
 * that is too long continues under itself, after its own leading spaces). Words longer than a
 * line are kept whole; lines of a code frame ("3 |   code") are never wrapped.
 */
export function wrap(text: string, width: number, prefix = "", hanging = ""): string {
  const out: string[] = [];
  for (const line of text.trimEnd().split("\n")) {
    const lead = /^\s*/.exec(line)![0];
    const start = prefix + lead;
    const room = Math.max(20, width - start.length);
    if (line.length - lead.length <= room || /^\s*(?:\d+\s*)?\|/.test(line)) {
      out.push(start + line.slice(lead.length));
      continue;
    }
    let current = "";
    let first = true;
    for (const word of line.slice(lead.length).split(" ")) {
      const limit = first ? room : room - hanging.length;
      if (current && current.length + 1 + word.length > limit) {
        out.push((first ? start : start + hanging) + current);
        first = false;
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    if (current) out.push((first ? start : start + hanging) + current);
  }
  return out.join("\n");
}

/** The table of every gradient of a check of several: parameter, max relative error, verdict. */
export function gradientTable(rows: readonly GradientRow[]): string[] {
  const name = Math.max(9, ...rows.map((r) => r.what.length));
  const lines = [`${"parameter".padEnd(name)}  max rel. error  verdict`];
  for (const r of rows) {
    lines.push(
      `${r.what.padEnd(name)}  ${r.relError.toExponential(2).padStart(14)}  ${
        r.passed ? "ok" : `WRONG (> ${r.tolerance})`
      }`,
    );
  }
  return lines;
}

/**
 * A test's curves as sparklines under a title line (the test's name), indented by `indent`;
 * nothing when the test drew none.
 */
export function testChart(
  t: TestReport,
  o: Pick<TerminalOptions, "width" | "ascii">,
  indent: string,
): string[] {
  if (!t.series || t.series.length === 0) return [];
  const width = o.width ?? DEFAULT_WIDTH;
  const chart = sparklineChart(
    t.series.map((s) => ({ ...s, name: visible(s.name) })),
    { width: width - indent.length - 2, ascii: o.ascii },
  );
  return [
    wrap(`~ ${t.name}`, width, indent, "  "),
    ...chart.map((l) => `${indent}  ${l}`),
  ];
}

function exerciseBlock(
  e: ExerciseReport,
  paint: (s: ExerciseStatus | TestStatus, t: string) => string,
  o: TerminalOptions,
): string {
  const width = o.width ?? DEFAULT_WIDTH;
  const passed = e.tests.filter((t) => t.status === "passed").length;
  const lines = [
    `${paint(e.status, LABELS[e.status].padEnd(11))} ${
      e.id.padEnd(26)
    } ${passed}/${e.tests.length} tests  ${e.points}/${e.maxPoints} pts  (${e.file})`,
  ];
  if (o.verbose) {
    for (const t of e.tests) {
      if (t.status === "passed") {
        lines.push(wrap(`${paint("passed", "✓")} ${t.name}`, width, "    "));
      }
    }
  }
  if (e.status === "passed") {
    // By default the chart with the most curves (the first of those): the one that compares.
    const drawn = e.tests.filter((t) => t.series?.length);
    const most = [...drawn].sort((a, b) => b.series!.length - a.series!.length);
    const shown = o.verbose ? drawn : drawn.filter((t) => most.indexOf(t) < SHOWN_PASSED_CHARTS);
    for (const t of shown) {
      lines.push(...testChart(t, o, "    "));
    }
    return lines.join("\n");
  }
  if (e.status === "not_started" && !e.message) return lines.join("\n");
  if (e.message) lines.push(wrap(visible(e.message), width, "    "));
  const bad = e.tests.filter((t) => t.status !== "passed" && t.status !== "not_run");
  const shown = o.verbose ? bad : bad.slice(0, SHOWN_FAILURES);
  for (const t of shown) {
    lines.push(wrap(`${paint(t.status, "✗")} ${t.name}`, width, "    ", "  "));
    if (t.message) lines.push(wrap(visible(t.message), width, "        "));
    if (t.gradients) lines.push(...gradientTable(t.gradients).map((l) => `          ${l}`));
    lines.push(...testChart(t, o, "        "));
    // A command is never wrapped: copied from the terminal, it runs as printed.
    for (const l of t.case ? caseLines(t.case) : []) {
      lines.push(
        l.startsWith("replay it: ")
          ? `        ${visible(l)}`
          : wrap(visible(l), width, "        ", "    "),
      );
    }
    if (o.verbose) {
      for (const note of t.notes ?? []) {
        lines.push(wrap(`note: ${visible(note)}`, width, "        "));
      }
    }
  }
  if (shown.length < bad.length) {
    lines.push(`    … and ${plural(bad.length - shown.length, "more test")} (--verbose shows all)`);
  }
  if (e.output) {
    const all = visible(e.output.slice(0, 2000)).trimEnd().split("\n");
    const out = o.verbose ? all : all.slice(0, SHOWN_OUTPUT_LINES);
    lines.push("    printed:", out.map((l) => `      | ${l}`).join("\n"));
    if (out.length < all.length) {
      lines.push(`      … ${plural(all.length - out.length, "more line")} (--verbose shows them)`);
    }
  }
  if (e.hint && e.status !== "not_started") lines.push(`    hint: ./deno task hint ${e.id}`);
  return lines.join("\n");
}

/** The paint function for these options. */
function painter(color: boolean) {
  return (s: ExerciseStatus | TestStatus, text: string) =>
    color ? `\x1b[${COLORS[s]}m${text}\x1b[39m` : text;
}

/** One exercise as the full report shows it (watch mode shows the current one alone). */
export function renderExercise(e: ExerciseReport, options: TerminalOptions): string {
  return exerciseBlock(e, painter(options.color), options) + "\n";
}

/**
 * The exercise to work on next: the first one that did not pass, in course order; or, when
 * that one imports an exercise file that did not pass, that file's exercise (fix it first).
 * Undefined when every exercise passed.
 */
export function nextExercise(
  report: Report,
): { id: string; file: string; title?: string; importedBy?: string } | undefined {
  const next = report.exercises.find((e) => e.status !== "passed");
  if (!next) return undefined;
  const first = next.failingImports?.[0];
  if (first) {
    const graded = report.exercises.find((e) => e.id === first.id);
    return { ...first, title: graded?.title, importedBy: next.id };
  }
  return next;
}

/** Renders the report for a person at a terminal. */
export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint = painter(options.color);
  const s = report.summary;
  const from = report.inputs === "secret"
    ? `secret inputs (GRADER_SEED, nonce ${report.nonce})`
    : `seed ${report.seed}`;
  const out = [`gradkit: grading ${report.dir} with ${from}`, ""];
  for (const e of report.exercises) out.push(exerciseBlock(e, paint, options));
  for (const f of report.skippedFiles) {
    out.push(wrap(`skipped ${f}`, options.width ?? DEFAULT_WIDTH));
  }
  const width = options.width ?? DEFAULT_WIDTH;
  // The counts that are not zero: "3/16 exercises passed, 1 failed, 1 error".
  const counts = [
    `${s.passed}/${s.total} exercises passed`,
    ...(s.failed ? [`${s.failed} failed`] : []),
    ...(s.notStarted ? [`${s.notStarted} not started`] : []),
    ...(s.error ? [plural(s.error, "error")] : []),
    ...(s.timeout ? [plural(s.timeout, "timeout")] : []),
  ];
  out.push(
    "",
    wrap(
      `${counts.join(", ")}; ${s.points}/${s.maxPoints} points ` +
        `(${(report.durationMs / 1000).toFixed(2)} s)`,
      width,
    ),
  );
  const next = nextExercise(report);
  if (next) {
    const why = next.importedBy
      ? `${next.id}, which ${next.importedBy} imports`
      : next.title ?? next.id;
    out.push(wrap(`next: ${report.dir.replace(/\/+$/, "")}/${next.file} (${why})`, width));
  }
  if (options.replay) out.push(`replay exactly: ${options.replay}`);
  return out.join("\n") + "\n";
}
