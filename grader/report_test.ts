import assert from "node:assert/strict";
import {
  earnedPoints,
  type ExerciseReport,
  exerciseStatus,
  summarize,
  type TestReport,
  testShares,
} from "./report.ts";

const t = (status: TestReport["status"]): TestReport => ({ name: status, status });

Deno.test("exerciseStatus: what the tests add up to", () => {
  assert.equal(exerciseStatus([t("passed"), t("passed")]), "passed");
  assert.equal(exerciseStatus([t("passed"), t("failed")]), "failed");
  assert.equal(exerciseStatus([t("not_started"), t("not_started")]), "not_started");
  assert.equal(exerciseStatus([t("error"), t("not_run")]), "error");
  assert.equal(exerciseStatus([t("error"), t("failed")]), "failed");
  assert.equal(exerciseStatus([t("passed"), t("timeout"), t("not_run")]), "timeout");
  // One function written, another still a stub: started, not passed.
  assert.equal(exerciseStatus([t("passed"), t("not_started")]), "failed");
});

Deno.test("summarize counts statuses and points", () => {
  const e = (status: ExerciseReport["status"], points: number): ExerciseReport => ({
    id: status,
    title: status,
    file: `${status}.ts`,
    status,
    points,
    maxPoints: 10,
    tests: [],
    durationMs: 0,
  });
  assert.deepEqual(
    summarize([
      e("passed", 10),
      e("failed", 2.5),
      e("not_started", 0),
      e("error", 0),
      e("timeout", 0),
    ]),
    {
      total: 5,
      passed: 1,
      failed: 1,
      notStarted: 1,
      error: 1,
      timeout: 1,
      points: 12.5,
      maxPoints: 50,
    },
  );
});

Deno.test("testShares: hundredths of a point, as even as can be, adding up exactly", () => {
  assert.deepEqual(testShares(10, 3), [3.34, 3.33, 3.33]);
  assert.deepEqual(testShares(10, 4), [2.5, 2.5, 2.5, 2.5]);
  assert.deepEqual(testShares(10, 0), []);
  for (const [points, n] of [[10, 6], [10, 7], [10, 11], [1, 3], [7.5, 9], [100, 117]]) {
    const shares = testShares(points, n);
    assert.equal(shares.length, n);
    assert.equal(shares.reduce((a, s) => a + Math.round(s * 100), 0), Math.round(points * 100));
    assert.ok(Math.max(...shares) - Math.min(...shares) <= 0.0100001, `${points}/${n}`);
  }
});

Deno.test("earnedPoints: the passed tests' shares, exact to the hundredth", () => {
  const tests = [t("passed"), t("failed"), t("passed")];
  assert.equal(earnedPoints(10, tests), 6.67);
  assert.equal(earnedPoints(10, [t("failed"), t("passed"), t("passed")]), 6.66);
  assert.equal(earnedPoints(10, [t("passed"), t("passed"), t("passed")]), 10);
  assert.equal(earnedPoints(10, []), 0);
  const seven = Array.from({ length: 7 }, () => t("passed"));
  assert.equal(earnedPoints(10, seven), 10);
});
