/**
 * How a smallest failing case reads in text views: its sizes, each input and the compared
 * output (expected and the learner's) with a few numbers each, and the command that replays it.
 *
 * @module
 */

import type { CaseValue, FailingCase } from "../report.ts";

/** Entries of a value shown in text; the JSON report has them all. */
export const SHOWN_CASE_ENTRIES = 6;

/** A number in a few digits: "0.5312", "-1.2e+3". */
function few(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? x.toExponential(2) : String(+x.toPrecision(4));
}

/** "2×3 [0.53, -1.2, …] (6 values)", "[2, 0, 1]", "0.25". */
export function valueText(v: CaseValue): string {
  if (v.type === "number") return few(v.values[0]);
  const total = v.shape.reduce((a, b) => a * b, 1);
  const shown = v.values.slice(0, SHOWN_CASE_ENTRIES).map(few);
  if (total > shown.length) shown.push(`… ${total - shown.length} more`);
  const shape = v.type === "Matrix" ? `${v.shape[0]}×${v.shape[1]} ` : "";
  return `${shape}[${shown.join(", ")}]`;
}

/** "N = 2, K = 1". */
function sizes(s: Record<string, number>): string {
  return Object.entries(s).map(([k, v]) => `${k} = ${v}`).join(", ");
}

/** The lines of a case, unindented (the caller indents them). */
export function caseLines(c: FailingCase): string[] {
  const same = sizes(c.sizes) === sizes(c.from);
  const head = c.minimal === undefined
    ? `the case: ${sizes(c.sizes) || "as the test draws it"}`
    : `smallest failing case: ${sizes(c.sizes) || "as run"}` +
      (same ? "" : ` (the test ran at ${sizes(c.from)})`) +
      (c.minimal ? "" : " (the search stopped at its bounds: maybe not the smallest)");
  const rows: [string, string][] = c.inputs.map((v) => [v.name, valueText(v)]);
  if (c.output) {
    rows.push([c.output.expected.name, valueText(c.output.expected)]);
    rows.push([c.output.got.name, valueText(c.output.got)]);
  }
  const width = Math.max(...rows.map(([n]) => n.length));
  const lines = [head, ...rows.map(([n, v]) => `  ${n.padEnd(width)}  ${v}`)];
  if (c.replay) lines.push(`replay it: ${c.replay}`);
  return lines;
}
