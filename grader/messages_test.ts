/**
 * Messages that used to mislead (issue 18), each graded from a real file: an imported exercise
 * not written yet or failing, a missing file, an npm package, a syntax error, a nested array,
 * the log of a probability that rounded to 0, a changed argument named by its parameter, and
 * every gradient's error at once. No message shows the grader's private paths.
 */

import assert from "node:assert/strict";
import { grade, KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { ExerciseReport, Report } from "./report.ts";
import { nextExercise, renderTerminal } from "./reporters/terminal.ts";
import { loadMistake } from "./verify.ts";

/** A mistake of the kit's (its learner file), its imports of solutions pointed at copies beside it. */
async function mistake(dir: string, id: string, name: string): Promise<string> {
  const exercise = MANIFEST.find((e) => e.id === id)!;
  const file = `mistakes/${id}/${name}.ts`;
  const text = (await loadMistake({ exercise, name, file })).source;
  for (const [, file] of text.matchAll(/"\.\.\/\.\.\/(\d\d_\w+\.ts)"/g)) {
    await Deno.copyFile(`${KIT_DIR}/solutions/${file}`, `${dir}/solution_${file}`);
  }
  return text.replace(/"\.\.\/\.\.\/(\d\d_\w+\.ts)"/g, '"./solution_$1"');
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-messages-test-" });
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
  return dir;
}

const solution = (file: string) => Deno.readTextFileSync(`${KIT_DIR}/solutions/${file}`);
const stub = (file: string) => Deno.readTextFileSync(`${KIT_DIR}/${STUBS_DIR}/${file}`);

/** Every message of a report, tests' and exercises'. */
function messages(r: Report): string[] {
  return r.exercises.flatMap((e) => [e.message ?? "", ...e.tests.map((t) => t.message ?? "")]);
}

function exercise(r: Report, id: string): ExerciseReport {
  return r.exercises.find((e) => e.id === id)!;
}

Deno.test("messages: imports, loading errors, arrays, log(0), parameter names, no private paths", async () => {
  // 17 written in full, importing an 11 not written yet (its other layers are right).
  const importing = solution("20_two_layer_net.ts")
    .replace('"./04_relu.ts"', '"./relu_ok.ts"')
    .replace('"./09_affine_layer.ts"', '"./affine_ok.ts"');
  const dir = await folder({
    "20_two_layer_net.ts": importing,
    "relu_ok.ts": solution("04_relu.ts"),
    "affine_ok.ts": solution("09_affine_layer.ts"),
    "12_softmax_cross_entropy.ts": stub("12_softmax_cross_entropy.ts"),
    "08_mse_loss.ts": 'import { helper } from "./helpers.ts";\nexport const mseLoss = helper;\n',
    "11_binary_cross_entropy.ts":
      'import _ from "npm:left-pad";\nexport function binaryCrossEntropy() { return _; }\n',
    "14_binary_hinge.ts": "export function binaryHingeLoss(s: number) {\n  return s +* ;\n}\n",
    "04_relu.ts": [
      'import { Matrix } from "@gradkit/lib";',
      "export function reluForward(x: Matrix) {",
      "  const rows = [];",
      "  for (let i = 0; i < x.rows; i++) rows.push([...x.data.slice(i * x.cols, (i + 1) * x.cols)]);",
      "  return { out: rows.map((r) => r.map((v) => Math.max(0, v))), cache: x };",
      "}",
      "export function reluBackward(dout: Matrix) { return dout.clone(); }",
    ].join("\n"),
    "10_input_scale.ts": solution("10_input_scale.ts").replace(
      "export function weightGradient(X: Matrix, dS: Matrix): Matrix {",
      "export function weightGradient(X: Matrix, dS: Matrix): Matrix {\n  dS.data[0] += 1;",
    ),
  });
  await Deno.writeTextFile(
    `${dir}/01_numerical_gradient.ts`,
    await mistake(dir, "numerical_gradient", "never_restores"),
  );
  try {
    const alone = await grade({ dir, ids: ["20"], seed: 3 });
    const net15 = exercise(alone, "two_layer_net");
    assert.equal(net15.status, "not_started");
    assert.match(
      net15.message ?? "",
      new RegExp(`imports ${dir}/12_softmax_cross_entropy.ts, which is not written yet`),
    );
    assert.deepEqual(net15.failingImports?.map((i) => i.id), ["softmax_cross_entropy"]);
    assert.match(net15.tests[0].message ?? "", /calls softmaxCrossEntropy of .*12_softmax/);
    assert.equal(nextExercise(alone)?.id, "softmax_cross_entropy", "next: the import, not 20");
    assert.match(renderTerminal(alone, { color: false }), /next: .*12_softmax_cross_entropy\.ts/);

    const r = await grade({
      dir,
      ids: ["numerical_gradient", "relu", "mse_loss", "binary_cross_entropy", "binary_hinge", "10"],
      seed: 3,
    });
    assert.match(
      exercise(r, "mse_loss").message ?? "",
      new RegExp(`^${dir}/08_mse_loss.ts:1:24 imports "./helpers.ts", which does not exist`),
    );
    assert.match(
      exercise(r, "binary_cross_entropy").message ?? "",
      /11_binary_cross_entropy\.ts:1:15 imports "npm:left-pad", a package from npm, which/,
    );
    assert.match(
      exercise(r, "binary_hinge").message ?? "",
      /14_binary_hinge\.ts:2:\d+ has a syntax error: Expression expected\n.*\|/,
    );
    assert.ok(!/TypeError/.test(exercise(r, "binary_hinge").message ?? ""));
    assert.match(exercise(r, "relu").tests[0].message ?? "", /Matrix\.from\(rows\)/);
    assert.ok(!/new Matrix\(/.test(exercise(r, "relu").tests[0].message ?? ""));
    const restore = exercise(r, "numerical_gradient").tests[0].message ?? "";
    assert.match(restore, /returned with x not restored .*x may change while you compute/);
    assert.ok(!/argument 2|left unchanged|new Matrix/.test(restore), restore);
    assert.match(
      exercise(r, "input_scale").tests.find((t) => t.status === "failed")?.message ?? "",
      /weightGradient returned with its argument dS changed/,
    );
    for (const m of [...messages(r), ...messages(alone)]) {
      assert.ok(!m.includes(".cache") && !m.includes(KIT_DIR), m);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("messages: a failing import is named; log(0) is not an overflow; every gradient's error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-messages-test-" });
  try {
    await Deno.copyFile(
      `${KIT_DIR}/solutions/19_train_linear_classifier.ts`,
      `${dir}/19_train_linear_classifier.ts`,
    );
    await Deno.writeTextFile(
      `${dir}/12_softmax_cross_entropy.ts`,
      await mistake(dir, "softmax_cross_entropy", "forgot_one_hot"),
    );
    await Deno.writeTextFile(
      `${dir}/20_two_layer_net.ts`,
      await mistake(dir, "two_layer_net", "forgot_relu_mask"),
    );
    const r = await grade({ dir, ids: ["train_linear_classifier", "two_layer_net"], seed: 4 });
    const train = exercise(r, "train_linear_classifier");
    assert.equal(train.status, "failed");
    assert.match(
      train.message ?? "",
      /19_train_linear_classifier\.ts imports .*12_softmax_cross_entropy\.ts, which fails some of its own tests: fix exercise softmax_cross_entropy first/,
    );
    assert.deepEqual(train.failingImports, [
      { id: "softmax_cross_entropy", file: "12_softmax_cross_entropy.ts", status: "failed" },
    ]);
    // The ReLU mask forgotten: W1 and b1 wrong, W2 and b2 right, all in the table.
    const table = exercise(r, "two_layer_net").tests.find((t) => (t.gradients?.length ?? 0) === 4);
    assert.ok(table, "a test with the four gradients");
    assert.deepEqual(table.gradients!.map((g) => [g.what, g.passed]), [
      ["grads.W1", false],
      ["grads.b1", false],
      ["grads.W2", true],
      ["grads.b2", true],
    ]);
    assert.match(
      renderTerminal(r, { color: false }),
      /parameter +max rel\. error +verdict\n +grads\.W1 +\d\.\d\de[+-]\d+ +WRONG/,
    );
    await Deno.writeTextFile(
      `${dir}/12_softmax_cross_entropy.ts`,
      await mistake(dir, "softmax_cross_entropy", "log_of_computed_probability"),
    );
    const log = await grade({ dir, ids: ["softmax_cross_entropy"], seed: 4 });
    const infinite = messages(log).find((m) => /is Infinity/.test(m)) ?? "";
    assert.match(infinite, /not an overflow .*log of a probability that rounded to 0/);
    await Deno.writeTextFile(
      `${dir}/12_softmax_cross_entropy.ts`,
      await mistake(dir, "softmax_cross_entropy", "no_max_shift"),
    );
    const overflow = messages(await grade({ dir, ids: ["12"], seed: 4 }))
      .find((m) => /is (NaN|Infinity)/.test(m)) ?? "";
    assert.match(overflow, /exp of a large number/);
    assert.ok(!/not an overflow/.test(overflow), overflow);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
