/**
 * Sparklines: a test's curves (see `series.ts`) drawn in one line of text each, on one shared
 * scale, so that the learner's training curve sits beside the reference's and a run that blows
 * up shows it. Block characters (▁▂▃▄▅▆▇█) where the terminal can show them, plain ASCII
 * (`_.-~=+*#`) where it cannot; `!` marks a step whose value was not a finite number. Pure
 * functions of the data and a width.
 *
 * @module
 */

import { logScale, type Series, seriesRange } from "../series.ts";

/** The eight levels, lowest first. */
const BLOCKS = "▁▂▃▄▅▆▇█";
/** The eight levels in ASCII, lowest first. */
const ASCII = "_.-~=+*#";
/** A column holding a value that was not a finite number. */
const NOT_FINITE = "!";

/** How to draw. */
export interface SparklineOptions {
  /** Columns for the curve itself (at least 1); longer series are resampled to it. */
  width: number;
  /** Plain ASCII instead of block characters. */
  ascii?: boolean;
  /** The scale's range, shared by the curves of a chart (default: this series' own). */
  range?: { min: number; max: number };
  /** Draw on a log scale (default: when the range is positive and spans two decades). */
  log?: boolean;
}

/**
 * `values` resampled to at most `width` columns: each column holds the largest value of its
 * share of the steps (a spike stays visible), or `null` when one of them is not finite.
 *
 * @example
 * ```ts
 * resample([1, 2, 3, 4], 2); // [2, 4]
 * resample([1, null, 3, 4], 2); // [null, 4]
 * ```
 */
export function resample(values: readonly (number | null)[], width: number): (number | null)[] {
  const n = values.length;
  const w = Math.max(1, Math.floor(width));
  if (n <= w) return [...values];
  const out: (number | null)[] = [];
  for (let c = 0; c < w; c++) {
    const from = Math.floor((c * n) / w), to = Math.floor(((c + 1) * n) / w);
    let v: number | null = -Infinity;
    for (let i = from; i < to; i++) {
      const x = values[i];
      if (x === null) {
        v = null;
        break;
      }
      if (x > v) v = x;
    }
    out.push(v);
  }
  return out;
}

/**
 * One series as a line of `width` characters at most.
 *
 * @example
 * ```ts
 * sparkline([4, 3, 2, 1], { width: 10 }); // "█▆▃▁"
 * sparkline([4, 3, 2, 1], { width: 10, ascii: true }); // "#*-_"
 * ```
 */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions): string {
  const levels = options.ascii ? ASCII : BLOCKS;
  const columns = resample(values, options.width);
  const range = options.range ?? seriesRange([{ values }]);
  if (!range) return columns.map(() => NOT_FINITE).join("");
  const log = options.log ?? logScale(range);
  const f = log ? Math.log10 : (x: number) => x;
  const lo = f(range.min), hi = f(range.max);
  return columns.map((v) => {
    if (v === null) return NOT_FINITE;
    if (!(hi > lo)) return levels[0];
    const t = (f(Math.min(Math.max(v, range.min), range.max)) - lo) / (hi - lo);
    return levels[Math.round(t * (levels.length - 1))];
  }).join("");
}

/** A number short enough for a sparkline's label: "0.6931", "1.2e+12". */
export function shortNumber(x: number | null): string {
  if (x === null) return "not finite";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(1);
  return String(+x.toPrecision(4));
}

/** How to draw a chart of sparklines. */
export interface ChartOptions {
  /** Columns for the whole line, label and numbers included. */
  width: number;
  ascii?: boolean;
}

/**
 * The curves of one chart, a line each, on one shared scale: the name, the sparkline, and the
 * first and last values; a last line says when the scale is logarithmic or a value was not
 * finite. Names and widths are the caller's to make safe (they come from the kit's specs).
 *
 * @example
 * ```ts
 * sparklineChart([{ name: "yours", values: [1.4, 0.9, 0.6] }], { width: 60 });
 * // ["yours  █▄▁  1.4 → 0.6"]
 * ```
 */
export function sparklineChart(list: readonly Series[], options: ChartOptions): string[] {
  if (list.length === 0) return [];
  const range = seriesRange(list);
  const log = range !== undefined && logScale(range);
  const name = Math.min(24, Math.max(...list.map((s) => s.name.length)));
  const labels = list.map((s) => {
    const v = s.values;
    return v.length === 0 ? "(empty)" : `${shortNumber(v[0])} → ${shortNumber(v[v.length - 1])}`;
  });
  const label = Math.max(...labels.map((l) => l.length));
  const room = Math.max(8, options.width - name - label - 4);
  const lines = list.map((s, i) => {
    const shownName = s.name.length > name ? `${s.name.slice(0, name - 1)}…` : s.name;
    const line = sparkline(s.values, {
      width: room,
      ascii: options.ascii,
      range: range ?? { min: 0, max: 0 },
      log,
    });
    return `${shownName.padEnd(name)}  ${line.padEnd(Math.min(room, maxLength(list)))}  ${
      labels[i]
    }`.trimEnd();
  });
  const notes = [
    ...(log ? ["log scale"] : []),
    ...(list.some((s) => s.values.includes(null)) ? [`${NOT_FINITE}: not a finite number`] : []),
    ...(list.some((s) => s.length !== undefined) ? ["only the first values kept"] : []),
  ];
  if (notes.length > 0) lines.push(`(${notes.join("; ")})`);
  return lines;
}

function maxLength(list: readonly Series[]): number {
  return Math.max(...list.map((s) => s.values.length));
}
