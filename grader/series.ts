/**
 * A named numeric series that a hidden test attaches to its result: a training curve (the loss
 * at each step), the learner's and the reference's, drawn by the terminal as sparklines and by
 * the `html` format as a chart. The values often come from learner code, so
 * {@linkcode seriesOf} reads them defensively and bounds them: at most
 * {@linkcode SERIES_BOUNDS.points} values, each a finite number or `null` (NaN, ±Infinity or
 * not a number at all: a run that diverged shows where), under a name of at most
 * {@linkcode SERIES_BOUNDS.nameChars} characters.
 *
 * @module
 */

import type { Report } from "./report.ts";

/** One curve of a test's chart. Plain data, JSON-serialisable as is. */
export interface Series {
  /** What the curve is, e.g. "yours" or "reference"; at most {@linkcode SERIES_BOUNDS.nameChars}. */
  name: string;
  /** The values in order; `null` where a value was not a finite number. */
  values: (number | null)[];
  /** How many values there were when more than {@linkcode SERIES_BOUNDS.points} were given. */
  length?: number;
}

/** How much of a series a report keeps. */
export const SERIES_BOUNDS = {
  /** Series kept per test (one chart). */
  perTest: 8,
  /** Values kept per series (the first ones). */
  points: 1000,
  /** A series' name. */
  nameChars: 100,
} as const;

/** A name cut to the bound, never splitting a surrogate pair. */
function boundedName(name: string): string {
  if (name.length <= SERIES_BOUNDS.nameChars) return name;
  let keep = SERIES_BOUNDS.nameChars - 1;
  const c = name.charCodeAt(keep - 1);
  if (c >= 0xd800 && c <= 0xdbff) keep--;
  return `${name.slice(0, keep)}…`;
}

/**
 * A series read from anything: an array or typed array of numbers (the first
 * {@linkcode SERIES_BOUNDS.points} entries read; entries that are not finite numbers become
 * `null`), or undefined when `values` is not an array at all. Reads no more than the bound
 * whatever `values` claims its length is, and calls no code of the value (no getters, no
 * iterators: only own indexed data of a plain array or a typed array).
 *
 * @example
 * ```ts
 * seriesOf("yours", [0.69, 0.5, Infinity]); // { name: "yours", values: [0.69, 0.5, null] }
 * seriesOf("yours", "0.69"); // undefined
 * ```
 */
export function seriesOf(name: string, values: unknown): Series | undefined {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  if (!Array.isArray(values) && !typed) return undefined;
  const list = values as ArrayLike<unknown>;
  const total = list.length;
  const n = Math.min(total, SERIES_BOUNDS.points);
  const out: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let v: unknown;
    if (typed) v = list[i];
    else {
      const d = Object.getOwnPropertyDescriptor(values, i);
      v = d && "value" in d ? d.value : undefined;
    }
    out[i] = typeof v === "number" && Number.isFinite(v) ? v : null;
  }
  const series: Series = { name: boundedName(String(name)), values: out };
  if (total > n) series.length = total;
  return series;
}

/**
 * A test's series within the bounds: the first {@linkcode SERIES_BOUNDS.perTest}, each read
 * again by {@linkcode seriesOf} (so a report read from a file is bounded too). Idempotent.
 */
export function boundSeries(list: readonly Series[]): Series[] {
  const out: Series[] = [];
  for (const s of list.slice(0, SERIES_BOUNDS.perTest)) {
    const b = seriesOf(typeof s?.name === "string" ? s.name : "", s?.values);
    if (!b) continue;
    if (Number.isInteger(s.length) && s.length! > b.values.length) b.length = s.length;
    out.push(b);
  }
  return out;
}

/** The smallest and largest finite values of some series, or undefined when there is none. */
export function seriesRange(
  list: readonly { values: readonly (number | null)[] }[],
): { min: number; max: number } | undefined {
  let min = Infinity, max = -Infinity;
  for (const s of list) {
    for (const v of s.values) {
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : undefined;
}

/**
 * Whether values in `range` are best drawn on a log scale: all positive, and spanning at least
 * two decades (the largest at least 100 times the smallest).
 *
 * @example
 * ```ts
 * logScale({ min: 0.5, max: 1e6 }); // true
 * logScale({ min: 0.1, max: 1.4 }); // false
 * ```
 */
export function logScale(range: { min: number; max: number }): boolean {
  return range.min > 0 && range.max / range.min >= 100;
}

/** Whether any test of `report` drew curves. */
export function hasCurves(report: Report): boolean {
  return report.exercises.some((e) => e.tests.some((t) => (t.series?.length ?? 0) > 0));
}
