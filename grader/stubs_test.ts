/**
 * The pristine stubs (`grader/stubs/`), which the kit's tests check instead of the working
 * `exercises/` a learner edits: one for every exercise, all "not started". And a folder that
 * lacks an exercise file (begun before the exercise joined the course) grades it "not started".
 * Ships in a learner's copy.
 */

import assert from "node:assert/strict";
import { grade, KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import { stubStatus } from "./spec.ts";

Deno.test("every exercise has a pristine stub, every stub not started (a clinic's broken one failed)", async () => {
  const report = await grade({ dir: `${KIT_DIR}/${STUBS_DIR}`, seed: 7 });
  const want = (id: string) => stubStatus(MANIFEST.find((e) => e.id === id)!.spec);
  const bad = report.exercises.filter((e) => e.status !== want(e.id) || e.message);
  assert.deepEqual(bad.map((e) => `${e.id}: ${e.status} ${e.message ?? ""}`), []);
  // A clinic's broken code may pass a test or two; a stub to fill in passes none.
  const todo = report.exercises.filter((e) => want(e.id) === "not_started");
  assert.equal(todo.reduce((sum, e) => sum + e.points, 0), 0);
  assert.equal(report.exercises.length, MANIFEST.length);
});

Deno.test("a folder without an exercise's file grades it not started, saying where the stub is", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-older-folder-" });
  try {
    const [relu, mse] = ["relu", "mse_loss"].map((id) => MANIFEST.find((e) => e.id === id)!);
    await Deno.copyFile(`${KIT_DIR}/${STUBS_DIR}/${relu.file}`, `${dir}/${relu.file}`);
    await Deno.writeTextFile(`${dir}/${mse.file}`, "export const mseLoss = 1;\n");
    const report = await grade({ dir, seed: 3, exercises: MANIFEST });
    const byId = new Map(report.exercises.map((e) => [e.id, e]));
    const gates = byId.get("gates")!;
    assert.equal(gates.status, "not_started");
    assert.equal(gates.points, 0);
    assert.ok(gates.tests.every((t) => t.status === "not_run"));
    assert.equal(
      gates.message,
      `${dir}/${gates.file} is not there: the exercise is new in this version of the kit (or ` +
        `the file was deleted); put its stub back to start it: ./deno task reset gates --dir ${dir}`,
    );
    // The others as before: a stub is not started (with no message), a wrong export an error.
    assert.equal(byId.get("relu")!.status, "not_started");
    assert.equal(byId.get("relu")!.message, undefined);
    assert.equal(byId.get("mse_loss")!.status, "error");
    assert.match(byId.get("mse_loss")!.message ?? "", /mseLoss is exported as a number/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
