import assert from "node:assert/strict";
import { historyKind } from "./_history.ts";

const TOL = { rtol: 1e-9, atol: 1e-12 };

Deno.test("historyKind: losses one step late are named, the same losses are not", () => {
  const ref = [2.3, 1.9, 1.6, 1.4, 1.3];
  assert.equal(historyKind([1.9, 1.6, 1.4, 1.3, 1.25], ref, TOL)?.kind, "other");
  assert.equal(historyKind(ref.slice(), ref, TOL), undefined);
  assert.equal(historyKind([2.3, 1.9, 1.7, 1.4, 1.3], ref, TOL), undefined);
});

Deno.test("historyKind: losses short of the reference by each step's penalty are missing-term", () => {
  const ref = [2.3, 1.9, 1.6, 1.4];
  const penalties = [0, 0.01, 0.02, 0.025];
  const got = ref.map((r, k) => r - penalties[k]);
  assert.equal(historyKind(got, ref, TOL, penalties)?.kind, "missing-term");
  assert.equal(historyKind(got, ref, TOL, [0, 0, 0, 0]), undefined);
  assert.equal(historyKind(got.map((g) => g * 0.9), ref, TOL, penalties), undefined);
});
