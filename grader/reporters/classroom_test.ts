import assert from "node:assert/strict";
import { type ExerciseReport, type Report, summarize } from "../report.ts";
import { fixtureReport, SECRET_NONCE } from "./_fixture.ts";
import {
  CLASSROOM_MAX_ENCODED,
  classroomResult,
  classroomStepOutput,
  renderClassroom,
} from "./classroom.ts";

/** What the reporter does with the step output: `<RUNNER>_RESULTS`, base64, UTF-8, JSON. */
function decode(line: string): unknown {
  const m = /^result=([A-Za-z0-9+/=]*)\n$/.exec(line);
  assert.ok(m, `not a one-line step output: ${line.slice(0, 80)}`);
  const bytes = Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}

Deno.test("classroom: the step output decodes to the result the reporter reads", () => {
  const report = fixtureReport();
  const result = decode(classroomStepOutput(report)) as Record<string, unknown>;
  assert.deepEqual(result, JSON.parse(renderClassroom(report)));
  assert.deepEqual(Object.keys(result).sort(), ["max_score", "status", "tests", "version"]);
  assert.equal(result.version, 1);
  assert.equal(result.status, "fail");
  assert.equal(result.max_score, 50);
  const tests = result.tests as Record<string, unknown>[];
  assert.equal(tests.length, 13);
  for (const t of tests) {
    assert.deepEqual(Object.keys(t).sort(), [
      "duration",
      "filename",
      "line_no",
      "message",
      "name",
      "score",
      "status",
      "test_code",
    ]);
    assert.ok(["pass", "fail", "error"].includes(t.status as string));
    assert.equal(typeof t.score, "number");
    assert.equal(typeof t.message, "string");
    assert.equal(typeof t.duration, "number");
  }
  // What the reporter records: the sum of the tests' scores, out of max_score.
  const total = tests.reduce((a, t) => a + Math.round((t.score as number) * 100), 0) / 100;
  assert.equal(total, report.summary.points);
  const byName = (name: string) => tests.find((t) => t.name === name)!;
  assert.deepEqual(
    [byName("gates: add").status, byName("relu: forward").status, byName("fork: one").status],
    ["pass", "fail", "fail"],
  );
  assert.equal(byName("sigmoid_neuron: second").status, "error");
  assert.equal(byName("mse_loss: value").filename, "learner/exercises/08_mse_loss.ts");
  assert.equal(
    byName("mse_loss: value").test_code,
    "./deno task grade mse_loss --seed 42 --dir learner/exercises",
  );
  assert.match(byName("fork: two").message as string, /^not run: 05_fork\.ts has a syntax error/);
});

Deno.test("classroom: every exercise passed is a pass; a secret run's test_code has its nonce", () => {
  const report = fixtureReport("secret");
  const passed: ExerciseReport[] = [report.exercises[0]];
  const all: Report = { ...report, exercises: passed, summary: summarize(passed) };
  const { result } = classroomResult(all);
  assert.equal(result.status, "pass");
  assert.equal(result.max_score, 10);
  assert.equal(
    result.tests[0].test_code,
    `GRADER_SEED=<your secret> ./deno task grade gates --nonce ${SECRET_NONCE} --dir learner/exercises`,
  );
});

Deno.test("classroom: long messages are cut so the encoded result fits an environment variable", () => {
  const report = fixtureReport();
  const many: ExerciseReport[] = Array.from({ length: 16 }, (_, i) => ({
    ...report.exercises[1],
    id: `e${i}`,
    tests: Array.from({ length: 8 }, (_, j) => ({
      name: `test ${j}`,
      status: "failed" as const,
      message: "\x01".repeat(2000),
    })),
  }));
  const big: Report = { ...report, exercises: many, summary: summarize(many) };
  const { encoded, result } = classroomResult(big);
  assert.ok(encoded.length <= CLASSROOM_MAX_ENCODED, `${encoded.length}`);
  assert.equal(result.tests.length, 128);
  assert.ok(result.tests.every((t) => t.message.length <= 300));
});
