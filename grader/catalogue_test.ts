/**
 * The catalogue check: the solutions pass on several seeds, the untouched stubs are all "not
 * started", and every known mistake fails, at least three of them per exercise.
 */

import assert from "node:assert/strict";
import { grade, KIT_DIR } from "./grade.ts";
import { MANIFEST } from "./manifest.ts";
import type { ExerciseReport } from "./report.ts";
import { gradeMistakes, listMistakes } from "./verify.ts";

function explain(e: ExerciseReport): string {
  return `${e.id}: ${e.status}${e.message ? ` (${e.message})` : ""}\n` +
    e.tests.filter((t) => t.status !== "passed")
      .map((t) => `  ${t.name}: ${t.status} ${t.message ?? ""}`).join("\n");
}

for (const seed of [1, 2, 3, 20261125]) {
  Deno.test(`every solution passes (seed ${seed})`, async () => {
    const report = await grade({ dir: `${KIT_DIR}/solutions`, seed });
    const bad = report.exercises.filter((e) => e.status !== "passed");
    assert.deepEqual(bad.map(explain), []);
    assert.equal(report.summary.points, report.summary.maxPoints);
  });
}

Deno.test("every correct variant in solutions/variants passes (seed 5)", async () => {
  // Right answers written differently (loops, log-sum-exp, other summation orders, 1/N placed
  // elsewhere): the tolerances must accept them as they accept the solutions.
  const exercises = [];
  for (const e of MANIFEST) {
    try {
      for (const f of Deno.readDirSync(`${KIT_DIR}/solutions/variants/${e.id}`)) {
        exercises.push({ ...e, id: `${e.id}/${f.name}`, file: `variants/${e.id}/${f.name}` });
      }
    } catch { /* no variants of this exercise */ }
  }
  assert.ok(exercises.length >= 10, `only ${exercises.length} variants`);
  const report = await grade({ dir: `${KIT_DIR}/solutions`, seed: 5, exercises });
  assert.deepEqual(report.exercises.filter((e) => e.status !== "passed").map(explain), []);
});

Deno.test("every untouched stub is not started", async () => {
  const report = await grade({ dir: `${KIT_DIR}/exercises`, seed: 7 });
  const bad = report.exercises.filter((e) => e.status !== "not_started");
  assert.deepEqual(bad.map(explain), []);
  assert.equal(report.summary.points, 0);
});

Deno.test("every exercise has at least three known mistakes", async () => {
  const mistakes = await listMistakes(MANIFEST);
  const few = MANIFEST.filter((e) => mistakes.filter((m) => m.exercise === e).length < 3);
  assert.deepEqual(few.map((e) => e.id), []);
});

for (const seed of [11, 12]) {
  Deno.test(`every known mistake is caught (seed ${seed})`, async () => {
    const report = await gradeMistakes(await listMistakes(MANIFEST), seed);
    const passed = report.exercises.filter((e) => e.status !== "failed");
    assert.deepEqual(passed.map(explain), []);
  });
}

Deno.test("every spec matches its manifest entry and has enough uniquely named tests", () => {
  for (const e of MANIFEST) {
    assert.equal(e.spec.id, e.id, `${e.file}: the spec's id`);
    assert.ok(e.spec.tests.length >= 4, `${e.id}: only ${e.spec.tests.length} tests`);
    const names = e.spec.tests.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, `${e.id}: duplicate test names`);
    assert.ok(e.spec.exports.length > 0, `${e.id}: no exports listed`);
    assert.ok(e.spec.hint.length > 20, `${e.id}: no hint`);
    assert.match(e.file, /^\d\d_[a-z0-9_]+\.ts$/);
    assert.equal(e.file.slice(3, -3), e.id, `${e.id}: file name and id`);
  }
  const files = MANIFEST.map((e) => e.file);
  assert.deepEqual(files, [...files].sort(), "the manifest is in course order");
});
