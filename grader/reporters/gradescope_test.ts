import assert from "node:assert/strict";
import { testShares } from "../report.ts";
import { fixtureReport, SECRET_NONCE } from "./_fixture.ts";
import { gradescopeResults, renderGradescope } from "./gradescope.ts";

const REPLAY = "./deno task grade --seed 42 --dir learner/exercises";

Deno.test("gradescope: the fields and types of results.json", () => {
  const results = JSON.parse(renderGradescope(fixtureReport(), { replay: REPLAY }));
  assert.deepEqual(Object.keys(results).sort(), ["execution_time", "output", "score", "tests"]);
  assert.equal(typeof results.score, "number");
  assert.equal(typeof results.execution_time, "number");
  assert.equal(results.execution_time, 10.123);
  assert.equal(typeof results.output, "string");
  assert.ok(Array.isArray(results.tests));
  for (const t of results.tests) {
    assert.deepEqual(Object.keys(t).sort(), [
      "max_score",
      "name",
      "output",
      "score",
      "status",
      "visibility",
    ]);
    assert.equal(typeof t.name, "string");
    assert.equal(typeof t.score, "number");
    assert.equal(typeof t.max_score, "number");
    assert.ok(t.status === "passed" || t.status === "failed", t.status);
    assert.equal(typeof t.output, "string");
    assert.equal(t.visibility, "visible");
    assert.ok(t.score >= 0 && t.score <= t.max_score);
    assert.equal(t.score, t.status === "passed" ? t.max_score : 0);
  }
});

Deno.test("gradescope: one test per hidden test, points adding up to the report's", () => {
  const report = fixtureReport();
  const results = gradescopeResults(report, { replay: REPLAY });
  assert.equal(results.tests.length, report.exercises.reduce((n, e) => n + e.tests.length, 0));
  assert.equal(results.score, report.summary.points);
  const hundredths = (xs: number[]) => xs.reduce((a, x) => a + Math.round(x * 100), 0);
  for (const e of report.exercises) {
    const mine = results.tests.filter((t) => t.name.startsWith(`${e.id}: `));
    assert.equal(mine.length, e.tests.length);
    assert.deepEqual(mine.map((t) => t.name), e.tests.map((t) => `${e.id}: ${t.name}`));
    assert.deepEqual(mine.map((t) => t.max_score), testShares(e.maxPoints, e.tests.length));
    assert.equal(hundredths(mine.map((t) => t.max_score)), e.maxPoints * 100);
    assert.equal(hundredths(mine.map((t) => t.score)), Math.round(e.points * 100), e.id);
  }
  assert.equal(
    hundredths(results.tests.map((t) => t.score)),
    Math.round(report.summary.points * 100),
  );
});

Deno.test("gradescope: a failed test says why, with notes and the hint; the output sums up", () => {
  const results = gradescopeResults(fixtureReport(), { replay: REPLAY });
  const failed = results.tests.find((t) => t.name.startsWith("mse_loss: dPred"))!;
  assert.equal(failed.status, "failed");
  assert.match(failed.output, /^dPred: element \[0, 1\] is 2, expected 1/);
  assert.match(failed.output, /\nnote: note /);
  assert.match(failed.output, /\nhint: divide by N$/);
  const notRun = results.tests.find((t) => t.name === "fork: one")!;
  assert.match(notRun.output, /^not run: 05_fork\.ts has a syntax error/);
  const notStarted = results.tests.find((t) => t.name === "relu: backward")!;
  assert.match(notStarted.output, /^not started/);
  assert.match(results.output, /^1\/5 exercises passed.*20\.01\/50 points \(graded with seed 42\)/);
  assert.match(results.output, /\nskipped link\.ts/);
  assert.ok(results.output.endsWith(`replay exactly: ${REPLAY}`));
});

Deno.test("gradescope: secret inputs show the nonce", () => {
  const text = renderGradescope(fixtureReport("secret"));
  assert.match(
    JSON.parse(text).output,
    new RegExp(`secret inputs \\(GRADER_SEED\\), nonce ${SECRET_NONCE}`),
  );
});
