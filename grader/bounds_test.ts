import assert from "node:assert/strict";
import {
  boundExercise,
  boundReport,
  BOUNDS,
  clampExports,
  clampList,
  clampText,
  clampThrown,
  maxReportChars,
} from "./bounds.ts";
import type { ExerciseReport, Report } from "./report.ts";
import { SERIES_BOUNDS } from "./series.ts";
import { renderJson } from "./reporters/json.ts";
import { renderTerminal } from "./reporters/terminal.ts";

Deno.test("clampText keeps the start, says how much is left out, and stays within the bound", () => {
  assert.equal(clampText("short", 100), "short");
  const long = "x".repeat(10_000);
  const c = clampText(long, 100);
  assert.ok(c.length <= 100, `${c.length}`);
  assert.match(c, /^x+ … \(\d+ more characters\)$/);
  const kept = c.length - c.replace(/^x+/, "").length;
  assert.match(c, new RegExp(`\\(${10_000 - kept} more characters\\)$`));
  assert.equal(clampText(c, 100), c, "idempotent");
  // A caller that kept only the start says how long the whole was.
  assert.match(clampText("abc", 100, 5_000), /^abc … \(4997 more characters\)$/);
  // A surrogate pair is never split.
  const pairs = clampText("😀".repeat(100), 101);
  assert.ok(pairs.isWellFormed());
});

Deno.test("clampList keeps the first entries and ends in 'and N more'", () => {
  assert.deepEqual(clampList(["a", "b"], 3, "files"), ["a", "b"]);
  assert.deepEqual(clampList(["a", "b", "c", "d"], 3, "files"), ["a", "b", "… and 2 more files"]);
});

Deno.test("clampThrown: name, message and stack frames (number and length) are cut", () => {
  const e = clampThrown({
    name: "E".repeat(1e6),
    message: "m".repeat(2e7),
    stack: Array.from({ length: 1e4 }, () => "/".repeat(1e5)),
    notImplemented: false,
  });
  assert.ok(e.name.length <= BOUNDS.errorNameChars);
  assert.ok(e.message.length <= BOUNDS.errorMessageChars);
  assert.equal(e.stack.length, BOUNDS.stackFrames);
  assert.ok(e.stack.every((f) => f.length <= BOUNDS.frameChars));
  // A forged reply: fields of the wrong type become empty, never an exception.
  const forged = clampThrown(
    { name: { toString: 1 }, message: 7, stack: "x" } as unknown as Parameters<
      typeof clampThrown
    >[0],
  );
  assert.deepEqual(forged, { name: "", message: "", stack: [], notImplemented: false });
});

Deno.test("clampExports: bounded, and names like Object.prototype's are ordinary entries", () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) many[`f${i}`] = "function";
  assert.equal(Object.keys(clampExports(many)).length, BOUNDS.exportNames);
  const own = clampExports(JSON.parse('{"__proto__":"number","valueOf":"function"}'));
  assert.equal(own.__proto__, "number");
  assert.equal(own.valueOf, "function");
  assert.equal(own.constructor, undefined, "a name that is not there reads as undefined");
  assert.equal(own.toString, undefined);
  assert.deepEqual(Object.keys(clampExports(null)), []);
});

function exercise(text: string, notes: number, output: string): ExerciseReport {
  return {
    id: "mse_loss",
    title: "Mean squared error",
    file: "08_mse_loss.ts",
    status: "failed",
    message: text,
    points: 0,
    maxPoints: 10,
    durationMs: 1,
    hint: "the kit's hint",
    output,
    tests: [{
      name: "a test",
      status: "failed",
      message: text,
      notes: Array.from({ length: notes }, () => text),
    }, { name: "another", status: "error", message: text }],
  };
}

function report(exercises: ExerciseReport[], skipped: number, text: string): Report {
  return {
    schemaVersion: 2,
    inputs: "public",
    seed: 1,
    nonce: null,
    dir: "exercises",
    durationMs: 1,
    skippedFiles: Array.from({ length: skipped }, (_, i) => `${i}${text}`),
    summary: {
      total: exercises.length,
      passed: 0,
      failed: exercises.length,
      notStarted: 0,
      error: 0,
      timeout: 0,
      points: 0,
      maxPoints: 10,
    },
    exercises,
  };
}

Deno.test("boundReport: a report's size has a known maximum, whatever the learner sent", () => {
  const outputChars = 20_000;
  const huge = "\u0001/".repeat(1e5); // a control character: the JSON escapes it in 6 bytes
  const bounded = boundReport(
    report([exercise(huge, 10_000, huge), exercise(huge, 3, huge)], 100_000, huge),
    outputChars,
  );
  assert.equal(bounded.skippedFiles.length, BOUNDS.skippedFiles);
  assert.match(bounded.skippedFiles.at(-1)!, /^… and 99951 more files$/);
  const t = bounded.exercises[0].tests[0];
  assert.equal(t.notes!.length, BOUNDS.notesPerTest);
  assert.match(t.notes!.at(-1)!, /and 9991 more notes/);
  assert.match(bounded.exercises[0].message!, /… \(\d+ more characters\)$/);
  assert.deepEqual(boundReport(bounded, outputChars), bounded, "idempotent");

  // Its JSON: the same report with no learner text, plus at most 6 bytes for each character
  // that maxReportChars allows.
  const empty = boundReport(report([exercise("", 0, ""), exercise("", 0, "")], 0, ""), 1);
  const bound = maxReportChars({ exercises: 2, tests: 4, outputChars });
  const bytes = (r: Report) => new TextEncoder().encode(renderJson(r)).length;
  // Room for the skipped files' list entries and the empty fields' separators.
  const slack = BOUNDS.skippedFiles * 8 + 200;
  assert.ok(bytes(bounded) <= bytes(empty) + 6 * bound + slack, `${bytes(bounded)}`);
  assert.ok(renderTerminal(bounded, { color: false }).length <= 10 * bound);
});

Deno.test("boundExercise: printed output is cut at the run's output limit, with a marker", () => {
  const e = boundExercise(exercise("m", 0, "p".repeat(50_000)), 1000);
  assert.ok(e.output!.length <= 1000);
  assert.match(e.output!, /… \(\d+ more characters\)$/);
  assert.equal(e.hint, "the kit's hint");
});

Deno.test("boundReport: a test's curves keep at most the series bounds, idempotently", () => {
  const r = report([exercise("m", 1, "")], 0, "");
  r.exercises[0].tests[0].series = Array.from({ length: 40 }, (_, i) => ({
    name: "n".repeat(1000),
    values: new Array(10_000).fill(i),
  }));
  const bounded = boundReport(r, 100);
  const series = bounded.exercises[0].tests[0].series!;
  assert.equal(series.length, SERIES_BOUNDS.perTest);
  for (const s of series) {
    assert.equal(s.values.length, SERIES_BOUNDS.points);
    assert.equal(s.length, 10_000);
    assert.equal(s.name.length, SERIES_BOUNDS.nameChars);
  }
  assert.deepEqual(boundReport(bounded, 100), bounded);
});
