import assert from "node:assert/strict";
import { type ExerciseReport, exerciseStatus, summarize, type TestReport } from "./report.ts";

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
