import assert from "node:assert/strict";
import type { ExerciseReport, TestReport } from "../report.ts";
import { importedDiagnoses } from "./imported.ts";

function exercise(id: string, tests: TestReport[], extra: Partial<ExerciseReport> = {}) {
  return {
    id,
    title: id,
    file: `${id}.ts`,
    status: "failed",
    points: 0,
    maxPoints: 10,
    tests,
    durationMs: 1,
    ...extra,
  } satisfies ExerciseReport;
}

Deno.test("a failure of an exercise whose import fails is diagnosed as coming from it", () => {
  const softmax = exercise("softmax", [
    {
      name: "dScores",
      status: "failed",
      diagnosis: { kind: "forgotten-1/N", text: "a division by 7 left out", basis: "values" },
    },
  ]);
  const training = exercise("training", [
    { name: "losses", status: "failed" },
    { name: "accuracy", status: "passed" },
  ], { failingImports: [{ id: "softmax", file: "softmax.ts", status: "failed" }] });
  const [, t] = importedDiagnoses([softmax, training]);
  assert.equal(t.tests[0].diagnosis?.kind, "forgotten-1/N");
  assert.match(t.tests[0].diagnosis!.text, /come from exercise softmax .*: there, a division by 7/);
  assert.equal(t.tests[1].diagnosis, undefined);
  // Without a failing import, nothing changes.
  const alone = exercise("training", [{ name: "losses", status: "failed" }]);
  assert.equal(importedDiagnoses([alone])[0], alone);
});
