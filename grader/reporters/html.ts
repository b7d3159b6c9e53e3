/**
 * The HTML view of a report's curves: one self-contained page (no script, no external file,
 * no network) with a chart per test that drew curves (see `series.ts`), each an inline SVG with
 * axes, ticks, labels and a legend, on a log scale when the values span two decades or more.
 * Written with `--out html=FILE`; a learner's grading on a terminal writes it to
 * `.cache/curves.html` (`curvesOutput` in `outputs.ts`).
 *
 * Every text in the page goes through {@linkcode escapeHtml}, and every number drawn is a
 * finite number the kit formatted: a test name, message or series name cannot open a tag or an
 * attribute. The page's Content-Security-Policy allows no script at all.
 *
 * @module
 */

import type { ExerciseReport, Report, TestReport } from "../report.ts";
import { hasCurves, logScale, type Series, seriesRange } from "../series.ts";
import { shortNumber } from "./sparkline.ts";

/**
 * Text made safe inside HTML or SVG, in an element or a quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml(`<b a="x">&'`); // "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      c === "&"
        ? "&amp;"
        : c === "<"
        ? "&lt;"
        : c === ">"
        ? "&gt;"
        : c === '"'
        ? "&quot;"
        : "&#39;",
  );
}

/** Size of a chart, in SVG units. */
const W = 640, H = 260;
const LEFT = 70, RIGHT = 16, TOP = 14, BOTTOM = 40;
/** Curve colors, in order (readable on white, and told apart by dash patterns too). */
const COLORS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
];
const DASHES = ["", "6 3", "2 2", "8 3 2 3"];

/** A tick's label: "0.25", "40", "1e+10" (exact for powers of ten). */
function tickLabel(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential() : String(+v.toPrecision(6));
}

/** A coordinate, rounded for the file (always a finite number). */
function c(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 10) / 10) : "0";
}

/**
 * Tick values for an axis from `min` to `max`: powers of ten on a log scale (every one, or
 * every other when there are many), else about five round numbers.
 *
 * @example
 * ```ts
 * ticks(0, 1, false); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 * ticks(1, 1000, true); // [1, 10, 100, 1000]
 * ```
 */
export function ticks(min: number, max: number, log: boolean): number[] {
  if (log) {
    const lo = Math.floor(Math.log10(min)), hi = Math.ceil(Math.log10(max));
    const every = Math.max(1, Math.ceil((hi - lo) / 8));
    const out: number[] = [];
    for (let e = lo; e <= hi; e += every) out.push(10 ** e);
    return out;
  }
  if (!(max > min)) return [min];
  const raw = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
  }
  return out;
}

/**
 * One chart of curves as an SVG element: x is the step (0 … longest − 1), y the value on a
 * shared scale (log when {@linkcode logScale} says so). A value that is not finite breaks its
 * curve and is marked with a cross at the top edge.
 */
export function renderChart(list: readonly Series[], title: string): string {
  const range = seriesRange(list) ?? { min: 0, max: 1 };
  const log = logScale(range);
  const yTicks = ticks(range.min, range.max, log);
  const yLo = log ? Math.min(range.min, yTicks[0]) : Math.min(range.min, yTicks[0]);
  const yHi = log ? Math.max(range.max, yTicks[yTicks.length - 1]) : range.max;
  const f = log ? Math.log10 : (v: number) => v;
  const span = f(yHi) - f(yLo) || 1;
  const steps = Math.max(2, ...list.map((s) => s.values.length));
  const x = (i: number) => LEFT + (i / (steps - 1)) * (W - LEFT - RIGHT);
  const y = (v: number) =>
    f(yHi) === f(yLo) ? (TOP + H - BOTTOM) / 2 : H - BOTTOM - ((f(v) - f(yLo)) / span) *
        (H - BOTTOM - TOP);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect x="${LEFT}" y="${TOP}" width="${W - LEFT - RIGHT}" height="${
      H - TOP - BOTTOM
    }" fill="none" stroke="#888"/>`,
  );
  for (const v of yTicks) {
    if (v < yLo || v > yHi) continue;
    parts.push(
      `<line x1="${LEFT - 4}" x2="${W - RIGHT}" y1="${c(y(v))}" y2="${c(y(v))}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${c(y(v) + 4)}" text-anchor="end">${
        escapeHtml(tickLabel(v))
      }</text>`,
    );
  }
  for (const i of ticks(0, steps - 1, false).filter((i) => Number.isInteger(i))) {
    parts.push(
      `<line x1="${c(x(i))}" x2="${c(x(i))}" y1="${H - BOTTOM}" y2="${
        H - BOTTOM + 4
      }" stroke="#888"/>`,
      `<text x="${c(x(i))}" y="${H - BOTTOM + 16}" text-anchor="middle">${i}</text>`,
    );
  }
  parts.push(
    `<text x="${c((LEFT + W - RIGHT) / 2)}" y="${H - 6}" text-anchor="middle">step</text>`,
    `<text x="14" y="${c((TOP + H - BOTTOM) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${
      c((TOP + H - BOTTOM) / 2)
    })">${log ? "value (log scale)" : "value"}</text>`,
  );
  list.forEach((s, k) => {
    const color = COLORS[k % COLORS.length], dash = DASHES[k % DASHES.length];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) {
        parts.push(
          `<polyline fill="none" stroke="${color}" stroke-width="2"${
            dash ? ` stroke-dasharray="${dash}"` : ""
          } points="${run.join(" ")}"/>`,
        );
      } else if (run.length === 1) {
        const [px, py] = run[0].split(",");
        parts.push(`<circle cx="${px}" cy="${py}" r="2.5" fill="${color}"/>`);
      }
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) {
        flush();
        parts.push(
          `<text x="${c(x(i))}" y="${TOP + 10}" text-anchor="middle" fill="${color}">×</text>`,
        );
      } else run.push(`${c(x(i))},${c(y(v))}`);
    });
    flush();
  });
  parts.push("</svg>");
  const legend = list.map((s, k) =>
    `<li><span class="swatch" style="background:${COLORS[k % COLORS.length]}"></span>${
      escapeHtml(s.name)
    }: ${escapeHtml(shortNumber(s.values[0] ?? null))} → ${
      escapeHtml(shortNumber(s.values[s.values.length - 1] ?? null))
    }${s.values.includes(null) ? " (× not a finite number)" : ""}${
      s.length !== undefined ? ` (first ${s.values.length} of ${s.length} values)` : ""
    }</li>`
  );
  return `${parts.join("\n")}\n<ul class="legend">${legend.join("")}</ul>`;
}

function testSection(t: TestReport): string {
  const message = t.message ? `<p class="message">${escapeHtml(t.message)}</p>` : "";
  return `<section class="test ${escapeHtml(t.status)}">\n<h3>${escapeHtml(t.status)}: ${
    escapeHtml(t.name)
  }</h3>\n${message}\n${renderChart(t.series ?? [], t.name)}\n</section>`;
}

function exerciseSection(e: ExerciseReport): string {
  const drawn = e.tests.filter((t) => t.series && t.series.length > 0);
  return `<section class="exercise">\n<h2>${escapeHtml(e.id)}: ${escapeHtml(e.title)} (${
    escapeHtml(e.status)
  }, ${e.points}/${e.maxPoints} points)</h2>\n${drawn.map(testSection).join("\n")}\n</section>`;
}

/**
 * The page: a heading with the run's seed, then a section per exercise whose tests drew curves
 * (in course order), each test's chart under its name, status and message.
 */
export function renderHtml(report: Report): string {
  const from = report.inputs === "secret"
    ? `secret inputs, nonce ${report.nonce ?? ""}`
    : `seed ${report.seed}`;
  const drawn = report.exercises.filter((e) => e.tests.some((t) => t.series?.length));
  const body = hasCurves(report)
    ? drawn.map(exerciseSection).join("\n")
    : "<p>No test of this run drew a curve (the training exercises do).</p>";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>gradkit curves</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
svg text { font-size: 12px; fill: #333; }
.legend { list-style: none; padding: 0; }
.legend li { margin: 0.2em 0; }
.swatch { display: inline-block; width: 1.5em; height: 0.4em; margin-right: 0.5em; vertical-align: middle; }
.message { white-space: pre-wrap; color: #a00; }
.test.passed h3 { color: #070; }
</style>
</head>
<body>
<h1>gradkit: curves of ${escapeHtml(report.dir)} (${escapeHtml(from)})</h1>
${body}
</body>
</html>
`;
}
