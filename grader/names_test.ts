import assert from "node:assert/strict";
import { closest, didYouMean, resolveName } from "./names.ts";
import { exerciseNamed, MANIFEST, selectExercises, UnknownExercise } from "./manifest.ts";
import { parseGradeArgs } from "./cli_options.ts";
import { localImports } from "./imports.ts";
import { parameterNames } from "./stub_signatures.ts";

Deno.test("an exercise by id, number, file name or path", () => {
  for (
    const name of [
      "mse_loss",
      "8",
      "08",
      "08_mse_loss",
      "08_mse_loss.ts",
      "exercises/08_mse_loss.ts",
      "./exercises/08_mse_loss.ts",
    ]
  ) {
    assert.equal(resolveName(name, MANIFEST)?.id, "mse_loss", name);
  }
  assert.equal(resolveName("19", MANIFEST)?.id, "train_linear_classifier");
  assert.equal(resolveName("20", MANIFEST)?.id, "two_layer_net");
  assert.equal(resolveName(String(MANIFEST.length + 1), MANIFEST), undefined);
  assert.deepEqual(selectExercises(["12", "relu"]).map((e) => e.id), [
    "relu",
    "softmax_cross_entropy",
  ]);
});

Deno.test("did you mean: typos in names and options", () => {
  assert.deepEqual(closest("mse", MANIFEST.map((e) => e.id)), ["mse_loss"]);
  assert.deepEqual(closest("rleu", MANIFEST.map((e) => e.id)), ["relu"]);
  assert.throws(() => exerciseNamed("mse"), /unknown exercise "mse"; did you mean "mse_loss"\?/);
  assert.throws(() => exerciseNamed("softmax"), UnknownExercise);
  assert.throws(() => exerciseNamed("zzzz"), /unknown exercise "zzzz"; known: numerical_gradient/);
  assert.throws(
    () => parseGradeArgs(["--sed", "1"]),
    /unknown option "--sed"; did you mean "--seed"\?/,
  );
  assert.throws(() => parseGradeArgs(["--verbos"]), /did you mean "--verbose"\?/);
  assert.equal(didYouMean("qqqqqq", ["seed"]), "");
});

Deno.test("localImports: the files a source imports, not those its comments mention", () => {
  const source = [
    '/** import { x } from "./09_affine_layer.ts"; */',
    '// import { y } from "./04_relu.ts";',
    'import { softmaxCrossEntropy } from "./12_softmax_cross_entropy.ts";',
    'export * from "./helpers.ts";',
    'import "@gradkit/lib"; const url = "https://example.org"; import("./lazy.ts");',
  ].join("\n");
  assert.deepEqual(localImports(source), [
    "./12_softmax_cross_entropy.ts",
    "./helpers.ts",
    "./lazy.ts",
  ]);
});

Deno.test("parameterNames: the stub's exported functions and their parameters", () => {
  const source = "/** export function no(a) {} */\nexport function numericalGradient(\n" +
    "  f: (x: Matrix) => number,\n  x: Matrix,\n  h = 1e-5,\n): Matrix {}\n" +
    "export function totalLoss(dataLoss: number, dataGrads: readonly Matrix[], opts: { a: number; b: number }) {}";
  assert.deepEqual(parameterNames(source), {
    numericalGradient: ["f", "x", "h"],
    totalLoss: ["dataLoss", "dataGrads", "opts"],
  });
});

Deno.test("localImports: a long run of spaces after import costs linear time (a learner's file)", () => {
  // The earlier pattern tried every split of the run: 20,000 spaces took 0.2 s, a 1 MiB file
  // minutes of the grader's time. Linear, a megabyte takes milliseconds.
  const started = performance.now();
  assert.deepEqual(localImports(`import${" ".repeat(1 << 20)}x; import ( "./a.ts"`), ["./a.ts"]);
  const ms = performance.now() - started;
  assert.ok(ms < 5000, `${Math.round(ms)} ms`);
});
