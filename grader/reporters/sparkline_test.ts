import assert from "node:assert/strict";
import { resample, shortNumber, sparkline, sparklineChart } from "./sparkline.ts";

Deno.test("sparkline: eight levels from the lowest value to the highest, ASCII on request", () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], { width: 20 }), "▁▂▃▄▅▆▇█");
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], { width: 20, ascii: true }), "_.-~=+*#");
  assert.equal(sparkline([5, 5, 5], { width: 20 }), "▁▁▁", "a flat series sits at the bottom");
  assert.equal(sparkline([1, null, 3], { width: 20 }), "▁!█", "a value that is not finite shows");
  assert.equal(sparkline([null, null], { width: 20 }), "!!");
  assert.ok(/^[\x20-\x7e]*$/.test(sparkline([1, 2, null, 1e9], { width: 20, ascii: true })));
});

Deno.test("sparkline: a log scale when the values span decades, a shared range when given", () => {
  // 1, 10, …, 1e7 are evenly spaced on a log scale: every level once.
  const decades = Array.from({ length: 8 }, (_, i) => 10 ** i);
  assert.equal(sparkline(decades, { width: 8 }), "▁▂▃▄▅▆▇█");
  assert.equal(sparkline(decades, { width: 8, log: false }), "▁▁▁▁▁▁▂█");
  assert.equal(sparkline([1, 2], { width: 8, range: { min: 0, max: 4 } }), "▃▅");
});

Deno.test("resample: at most the width, each column the largest of its steps, a gap wins", () => {
  assert.deepEqual(resample([1, 2, 3, 4], 2), [2, 4]);
  assert.deepEqual(resample([1, null, 3, 4], 2), [null, 4]);
  assert.deepEqual(resample([1, 2], 10), [1, 2]);
  const long = resample(Array.from({ length: 1000 }, (_, i) => i), 37);
  assert.equal(long.length, 37);
  assert.equal(long[36], 999);
  assert.equal(sparkline(Array.from({ length: 1000 }, (_, i) => i), { width: 37 }).length, 37);
});

Deno.test("sparklineChart: one line per series on one scale, within the width, with a legend", () => {
  const lines = sparklineChart([
    {
      name: "yours",
      values: [1.4, 1e3, 1e6, Infinity as unknown as number].map((v) =>
        Number.isFinite(v) ? v : null
      ),
    },
    { name: "reference", values: [1.4, 0.9, 0.6, 0.5] },
  ], { width: 50 });
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^yours {6}/);
  assert.match(lines[0], /1\.4 → not finite$/);
  assert.match(lines[1], /^reference {2}▁▁▁▁ {2}1\.4 → 0\.5$/);
  assert.equal(lines[2], "(log scale; !: not a finite number)");
  const narrow = sparklineChart([{ name: "x", values: new Array(500).fill(0).map((_, i) => i) }], {
    width: 40,
  });
  assert.ok(narrow.every((l) => l.length <= 40), narrow.join("\n"));
  assert.deepEqual(sparklineChart([], { width: 40 }), []);
  assert.equal(shortNumber(1.2e12), "1.2e+12");
  assert.equal(shortNumber(0.69314718), "0.6931");
});
