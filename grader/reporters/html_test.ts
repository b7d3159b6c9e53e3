import assert from "node:assert/strict";
import { type Report, summarize } from "../report.ts";
import { hasCurves } from "../series.ts";
import { escapeHtml, renderChart, renderHtml, ticks } from "./html.ts";
import { NASTY } from "./_fixture.ts";

/** A report with one training exercise: a failed run that blew up and a passed one. */
function curvesReport(name = "yours"): Report {
  const exercises = [
    {
      id: "input_scale",
      title: "The effect of input scale",
      file: "10_input_scale.ts",
      status: "failed" as const,
      points: 5,
      maxPoints: 10,
      durationMs: 20,
      tests: [
        {
          name: "the same training on X and on X·1000",
          status: "failed" as const,
          message: NASTY,
          series: [
            { name, values: [40, 1e10, 1e20, null] },
            { name: "reference", values: [40, 20, 10, 5] },
          ],
        },
        { name: "no curve", status: "passed" as const },
        {
          name: "training from w = 0",
          status: "passed" as const,
          series: [{ name: "yours", values: [4, 3, 2.5, 2.2] }],
        },
      ],
    },
  ];
  return {
    schemaVersion: 2,
    inputs: "public",
    seed: 7,
    nonce: null,
    dir: "exercises",
    exercises,
    summary: summarize(exercises),
    skippedFiles: [],
    durationMs: 30,
  };
}

Deno.test("escapeHtml: the five characters that open markup or end an attribute", () => {
  assert.equal(
    escapeHtml(`<a b="c" d='e'>&amp;</a>`),
    "&lt;a b=&quot;c&quot; d=&#39;e&#39;&gt;&amp;amp;&lt;/a&gt;",
  );
});

Deno.test("html: learner text and series names cannot open a tag or leave an attribute", () => {
  const hostile = `</title><script>alert(1)</script><img src=x onerror="alert(2)">`;
  const page = renderHtml(curvesReport(hostile));
  assert.ok(!page.includes("<script"), "no script tag");
  assert.ok(!page.includes("<img"), "no img tag");
  assert.ok(!page.includes("<b>bold"), "the message's markup is escaped");
  assert.ok(page.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(page.includes("default-src 'none'"), "a policy that allows no script");
  // Every tag in the page is one the renderer writes.
  const tags = new Set([...page.matchAll(/<([a-zA-Z!/][a-zA-Z0-9]*)/g)].map((m) => m[1]));
  const allowed = new Set([
    "!DOCTYPE",
    "html",
    "/html",
    "head",
    "/head",
    "meta",
    "title",
    "/title",
    "style",
    "/style",
    "body",
    "/body",
    "h1",
    "/h1",
    "h2",
    "/h2",
    "h3",
    "/h3",
    "p",
    "/p",
    "section",
    "/section",
    "svg",
    "/svg",
    "rect",
    "line",
    "text",
    "/text",
    "polyline",
    "circle",
    "ul",
    "/ul",
    "li",
    "/li",
    "span",
    "/span",
  ]);
  assert.deepEqual([...tags].filter((t) => !allowed.has(t)), []);
  assert.ok(!/NaN|Infinity|undefined/.test(page.replace(/<p class="message">[^]*?<\/p>/g, "")));
});

Deno.test("html: a chart per test with curves, axes labelled, a log scale when the values span decades", () => {
  const page = renderHtml(curvesReport());
  assert.equal(page.match(/<svg /g)?.length, 2, "two tests drew curves");
  assert.ok(!page.includes("no curve"), "a test without curves has no chart");
  const [blown, calm] = page.split("<svg ").slice(1);
  assert.match(blown, /value \(log scale\)/);
  assert.match(blown, />step</);
  assert.match(blown, />1e\+9</, "ticks at powers of ten");
  assert.match(blown, /×/, "the value that was not finite is marked");
  assert.doesNotMatch(calm, /log scale/);
  assert.match(calm, /value</);
  assert.ok(hasCurves(curvesReport()));
  const none = { ...curvesReport(), exercises: [] };
  assert.equal(hasCurves(none), false);
  assert.match(renderHtml(none), /No test of this run drew a curve/);
});

Deno.test("ticks: round numbers in range; powers of ten on a log scale", () => {
  assert.deepEqual(ticks(0, 1, false), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(ticks(0, 14, false), [0, 5, 10]);
  assert.deepEqual(ticks(0, 9, false), [0, 2, 4, 6, 8]);
  assert.deepEqual(ticks(1, 1000, true), [1, 10, 100, 1000]);
  assert.ok(ticks(1, 1e150, true).length <= 9);
  assert.deepEqual(ticks(3, 3, false), [3]);
});

Deno.test("renderChart: a lone point is a dot, every coordinate a finite number", () => {
  const svg = renderChart([{ name: "one step", values: [0.69] }], "t");
  assert.match(svg, /<circle /);
  for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"/g)) {
    assert.ok(Number.isFinite(Number(m[1])), m[0]);
  }
});
