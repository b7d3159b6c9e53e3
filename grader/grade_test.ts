import assert from "node:assert/strict";
import { randomMatrix } from "@gradkit/lib";
import { grade } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import type { ExerciseSpec, TestContext } from "./spec.ts";

const doubleSpec: ExerciseSpec = {
  id: "double",
  exports: ["double"],
  hint: "multiply every entry by two",
  tests: [1, 2].map((k) => ({
    name: `doubles a ${k}×3 matrix`,
    run: async (t) => {
      const x = randomMatrix(t.rng, k, 3);
      const out = t.expectMatrix(await t.call("double", x), "double(x)", [k, 3]);
      t.expectClose("double(x)", out, x.mul(2));
    },
  })),
};

const GOOD = `import { Matrix } from "@gradkit/lib";
export function double(x: Matrix): Matrix { return x.mul(2); }
`;
const LOOPS = `import { Matrix } from "@gradkit/lib";
export function double(x: Matrix): Matrix { for (;;) {} }
`;

function exercise(id: string): Exercise {
  return { id, file: `${id}.ts`, title: id, concept: "", points: 1, spec: doubleSpec };
}

Deno.test("grade: exercises waiting behind a slow call move to a new sandbox, so time limits run side by side", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-grade-test-" });
  const files: Record<string, string> = {
    loop_a: LOOPS,
    loop_b: LOOPS,
    good_a: GOOD,
    good_b: GOOD,
  };
  for (const [id, text] of Object.entries(files)) await Deno.writeTextFile(`${dir}/${id}.ts`, text);
  try {
    const started = performance.now();
    const report = await grade({
      dir,
      seed: 3,
      exercises: Object.keys(files).map(exercise),
      limits: { timeMs: 5000 },
      jobs: 1,
    });
    const wall = performance.now() - started;
    const status = Object.fromEntries(report.exercises.map((e) => [e.id, e.status]));
    assert.deepEqual(status, {
      loop_a: "timeout",
      loop_b: "timeout",
      good_a: "passed",
      good_b: "passed",
    });
    for (const id of ["loop_a", "loop_b"]) {
      const e = report.exercises.find((e) => e.id === id)!;
      assert.match(e.message ?? "", /time limit of 5\.0 s exceeded/);
      assert.deepEqual(e.tests.map((t) => t.status), ["timeout", "not_run"]);
    }
    // One after the other, the two limits take more than 10 s (each loop runs 5 s of its own, and
    // the second could only start after the first): under 10 s, they ran side by side (the second
    // loop moves to a new sandbox once the first has run for a second, so about 6 s on a quiet
    // machine; the 4 s left are for a loaded one, where 3 s more than quiet were seen).
    assert.ok(wall < 10_000, `graded in ${Math.round(wall)} ms`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const curveSpec: ExerciseSpec = {
  id: "curve",
  exports: ["losses"],
  hint: "halve the loss at every step",
  tests: [{
    name: "halves at every step",
    run: async (t: TestContext) => {
      const got = await t.call("losses", 6);
      t.series("yours", got);
      t.series("reference", [8, 4, 2, 1, 0.5, 0.25]);
      t.expect(
        Array.isArray(got) && got.length === 6 && got.every((v, i) => v === 8 / 2 ** i),
        "losses: expected 8, 4, 2, 1, 0.5, 0.25",
      );
    },
  }],
};

Deno.test("grade: a test's curves reach the report, bounded, whether it passes or fails", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-grade-test-" });
  const files: Record<string, string> = {
    good: `export function losses(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 8 / 2 ** i);
}`,
    blown: `export function losses(n: number): unknown[] {
  return [8, 1e300, Infinity, NaN, "</svg><script>", ...new Array(5000).fill(1e308)];
}`,
  };
  for (const [id, text] of Object.entries(files)) await Deno.writeTextFile(`${dir}/${id}.ts`, text);
  try {
    const report = await grade({
      dir,
      seed: 3,
      exercises: Object.keys(files).map((id) => ({
        id,
        file: `${id}.ts`,
        title: id,
        concept: "",
        points: 1,
        spec: curveSpec,
      })),
      jobs: 1,
    });
    const [good, blown] = report.exercises.map((e) => e.tests[0]);
    assert.equal(good.status, "passed");
    assert.deepEqual(good.series, [
      { name: "yours", values: [8, 4, 2, 1, 0.5, 0.25] },
      { name: "reference", values: [8, 4, 2, 1, 0.5, 0.25] },
    ]);
    assert.equal(blown.status, "failed");
    const yours = blown.series![0];
    assert.equal(yours.values.length, 1000);
    assert.equal(yours.length, 5005);
    assert.deepEqual(yours.values.slice(0, 6), [8, 1e300, null, null, null, 1e308]);
    assert.deepEqual(JSON.parse(JSON.stringify(blown)).series, blown.series, "plain JSON data");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
