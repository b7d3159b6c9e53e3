import assert from "node:assert/strict";
import { boundSeries, logScale, SERIES_BOUNDS, seriesOf, seriesRange } from "./series.ts";

Deno.test("seriesOf: numbers kept, anything not a finite number a gap, non-arrays refused", () => {
  assert.deepEqual(seriesOf("yours", [1, 0.5, Infinity, NaN, -Infinity, "2", null, {}, 3]), {
    name: "yours",
    values: [1, 0.5, null, null, null, null, null, null, 3],
  });
  assert.deepEqual(seriesOf("typed", Float64Array.of(2, NaN)), {
    name: "typed",
    values: [2, null],
  });
  for (
    const bad of [
      undefined,
      null,
      3,
      "1,2",
      { length: 2, 0: 1, 1: 2 },
      new DataView(new ArrayBuffer(8)),
    ]
  ) {
    assert.equal(seriesOf("x", bad), undefined, String(bad));
  }
});

Deno.test("seriesOf: at most the bound's values and name, whatever the array claims", () => {
  const long = seriesOf("n".repeat(500), new Array(5000).fill(1))!;
  assert.equal(long.values.length, SERIES_BOUNDS.points);
  assert.equal(long.length, 5000);
  assert.equal(long.name.length, SERIES_BOUNDS.nameChars);
  assert.ok(long.name.endsWith("…"));
  // A sparse array of huge length reads only the bound, and holes are gaps.
  const sparse: number[] = [];
  sparse[2 ** 31] = 1;
  sparse[0] = 4;
  const s = seriesOf("sparse", sparse)!;
  assert.equal(s.values.length, SERIES_BOUNDS.points);
  assert.equal(s.values[0], 4);
  assert.equal(s.values[1], null);
  // No getter runs.
  const trap = [1, 2];
  Object.defineProperty(trap, 1, {
    get() {
      throw new Error("getter called");
    },
  });
  assert.deepEqual(seriesOf("trap", trap)!.values, [1, null]);
});

Deno.test("boundSeries: the first series within the bounds, idempotent, forged entries dropped", () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ name: `s${i}`, values: [i, i + 1] }));
  const bounded = boundSeries(many);
  assert.equal(bounded.length, SERIES_BOUNDS.perTest);
  assert.deepEqual(boundSeries(bounded), bounded);
  const forged = [{ name: 3, values: "x" }, { name: "ok", values: [1, "2"] }] as never;
  assert.deepEqual(boundSeries(forged), [{ name: "ok", values: [1, null] }]);
  const cut = boundSeries([seriesOf("long", new Array(3000).fill(2))!]);
  assert.equal(cut[0].length, 3000);
});

Deno.test("seriesRange and logScale: finite values only; log when positive over two decades", () => {
  assert.deepEqual(seriesRange([{ values: [3, null, -1] }, { values: [7] }]), { min: -1, max: 7 });
  assert.equal(seriesRange([{ values: [null] }]), undefined);
  assert.equal(logScale({ min: 1, max: 100 }), true);
  assert.equal(logScale({ min: 1, max: 99 }), false);
  assert.equal(logScale({ min: 0, max: 1e9 }), false);
  assert.equal(logScale({ min: -1, max: 1e9 }), false);
});
