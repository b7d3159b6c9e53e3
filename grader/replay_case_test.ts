/**
 * The smallest failing case on known mistakes, end to end: the case shown is no larger than
 * needed (every size one step smaller, replayed, passes; or it is at its minimum), its replay
 * reproduces the failure, under a public seed (`--test`/`--sizes`) and from a case file (secret
 * inputs), and a correct solution's replay of it passes.
 */

import assert from "node:assert/strict";
import { GradingSession, KIT_DIR } from "./grade.ts";
import { type Exercise, MANIFEST } from "./manifest.ts";
import type { ExerciseReport, FailingCase, Report } from "./report.ts";
import { listMistakes, mistakeSources } from "./verify.ts";
import {
  BadCaseFile,
  caseFileText,
  type CaseReplay,
  parseSizes,
  readCaseFile,
  replayFromOptions,
  replayOf,
  writeCaseFiles,
} from "./replay_case.ts";
import { sizesProblem } from "./shrink.ts";
import { SecretSeed } from "./secret_seed.ts";
import { UsageError } from "./cli_options.ts";
import type { Sizes } from "./spec.ts";

/** Known mistakes of exercises whose tests are sized, each a kind of wrong the case must show. */
const MISTAKES = [
  "mse_loss/forgot_mean",
  "mse_loss/half_factor",
  "affine_layer/dw_divided_by_n",
  "affine_layer/db_summed_over_columns",
  "affine_layer/dx_transposed",
  "binary_hinge/labels_as_zero_one",
  "binary_hinge/gradient_on_met_margins",
  "softmax_cross_entropy/batch_max_shift",
  "softmax_cross_entropy/forgot_one_hot",
  "two_layer_net/forgot_relu_mask",
  "multiclass_hinge/forgot_mean",
  "multiclass_hinge/dw_transposed",
  "squared_hinge/squared_sum",
  "squared_hinge/forgot_factor_two",
  "binary_cross_entropy/forgot_mean",
  "binary_cross_entropy/labels_as_plus_minus_one",
  "relu/no_mask",
  "relu/mask_from_upstream",
  "l2_regularization/lambda_w_not_two_lambda_w",
  "l2_regularization/lambda_over_n",
  "l2_regularization/penalty_missing_from_loss",
  "soft_label_cross_entropy/hard_label_from_largest_target",
  "soft_label_cross_entropy/no_max_shift",
  "margin_l2/no_margin_mask",
  "input_scale/dw_transposed",
  "gates/max_to_smaller",
  "gates/sigmoid_overflow",
  "sigmoid_gates/reciprocal_square_forgotten",
  "sigmoid_gates/staged_exp_at_wrong_input",
];

const SEED = 7;

async function mistakeExercises(): Promise<
  { exercises: Exercise[]; files: Record<string, string> }
> {
  const all = await listMistakes(MANIFEST);
  const chosen = all.filter((m) => MISTAKES.includes(`${m.exercise.id}/${m.name}`));
  assert.equal(chosen.length, MISTAKES.length);
  return {
    exercises: chosen.map((m) => ({
      ...m.exercise,
      id: `${m.exercise.id}/${m.name}`,
      file: m.file,
    })),
    files: await mistakeSources(chosen),
  };
}

/** The test of an exercise's report that carries a case, and its case. */
function shownCase(e: ExerciseReport): { index: number; case: FailingCase } {
  const index = e.tests.findIndex((t) => t.case);
  assert.ok(index >= 0, `${e.id}: no case shown (${e.tests.map((t) => t.status).join(", ")})`);
  return { index, case: e.tests[index].case! };
}

/** The next smaller allowed value of `name`, the others as they are; undefined at the minimum. */
function oneSmaller(
  exercise: Exercise,
  test: number,
  sizes: Sizes,
  name: string,
): Sizes | undefined {
  const sized = exercise.spec.tests[test - 1].sized!;
  for (let v = sizes[name] - 1; v >= sized.min[name]; v--) {
    const candidate = { ...sizes, [name]: v };
    if (!sizesProblem(sized, candidate)) return candidate;
  }
  return undefined;
}

/** Grades one replay of `exercise` in `session` and returns its one test's report. */
async function replayed(
  session: GradingSession,
  exercise: Exercise,
  replay: CaseReplay,
  seed: number | SecretSeed = SEED,
) {
  const report = await session.grade({ seed, exercises: [exercise], replay });
  const e = report.exercises[0];
  assert.equal(e.tests.length, 1, `${exercise.id}: a replay runs one test`);
  return e.tests[0];
}

Deno.test("known mistakes: the case shown is no larger than needed, and its replay reproduces the failure", async () => {
  const { exercises, files } = await mistakeExercises();
  const session = await GradingSession.open({ dir: `${KIT_DIR}/solutions`, extraFiles: files });
  try {
    const report = await session.grade({ seed: SEED, exercises });
    for (const e of report.exercises) {
      const exercise = exercises.find((x) => x.id === e.id)!;
      const { index, case: c } = shownCase(e);
      assert.equal(c.test, index + 1);
      assert.equal(c.minimal, true, `${e.id}: the search ended within its bounds`);
      assert.match(c.replay ?? "", new RegExp(`--seed ${SEED} --test ${c.test} --sizes `));
      assert.ok(c.inputs.length > 0);
      const base: CaseReplay = {
        exerciseId: e.id,
        test: c.test,
        testName: e.tests[index].name,
      };
      // Its replay fails the same way, on the same numbers.
      const again = await replayed(session, exercise, { ...base, sizes: c.sizes });
      assert.equal(again.status, "failed", `${e.id}: the replay fails`);
      assert.equal(again.message?.slice(0, 600), c.message);
      assert.deepEqual(again.case?.inputs, c.inputs);
      // One step smaller in any size passes (or the size is at its minimum).
      for (const name of Object.keys(c.sizes)) {
        const smaller = oneSmaller(exercise, c.test, c.sizes, name);
        if (!smaller) continue;
        const t = await replayed(session, exercise, { ...base, sizes: smaller });
        assert.equal(t.status, "passed", `${e.id} at ${JSON.stringify(smaller)}: ${t.message}`);
      }
    }
  } finally {
    await session.close();
  }
});

Deno.test("under secret inputs the case goes to a file (inputs only), which --case replays; the solution passes it", async () => {
  const { exercises, files } = await mistakeExercises();
  const exercise = exercises.find((e) => e.id === "mse_loss/forgot_mean")!;
  const solution = MANIFEST.find((e) => e.id === "mse_loss")!;
  const secret = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(secret, (b) => b.toString(16).padStart(2, "0")).join("");
  const seed = new SecretSeed(secret, crypto.getRandomValues(new Uint8Array(16)));
  const kit = await Deno.makeTempDir();
  const session = await GradingSession.open({ dir: `${KIT_DIR}/solutions`, extraFiles: files });
  try {
    const report: Report = await session.grade({ seed, exercises: [exercise] });
    report.dir = "exercises";
    assert.deepEqual(writeCaseFiles(report, kit), []);
    const { case: c } = shownCase(report.exercises[0]);
    assert.match(c.file ?? "", /^\.cache\/cases\/mse_loss-forgot_mean-test\d+\.json$/);
    assert.equal(c.replay, `./deno task grade --case ${c.file}`);
    const text = Deno.readTextFileSync(`${kit}/${c.file}`);
    assert.ok(!text.includes(hex), "the secret is not in the file");
    assert.ok(!text.includes(seed.nonce), "nor the nonce");
    assert.deepEqual(Object.keys(JSON.parse(text)).sort(), [
      "exercise",
      "format",
      "inputs",
      "sizes",
      "test",
      "testName",
      "version",
    ]);
    const replay = readCaseFile(`${kit}/${c.file}`, [...MANIFEST, exercise]);
    // Another public seed: the inputs come from the file, not from any seed.
    const t = await replayed(session, exercise, replay, 99);
    assert.equal(t.status, "failed");
    assert.equal(t.message?.slice(0, 600), c.message);
    const right = await replayed(session, solution, { ...replay, exerciseId: "mse_loss" }, 99);
    assert.equal(right.status, "passed", right.message);
  } finally {
    await session.close();
    await Deno.remove(kit, { recursive: true });
  }
});

Deno.test("a correct solution's replay of a case passes (public seed)", async () => {
  const session = await GradingSession.open({ dir: `${KIT_DIR}/solutions` });
  try {
    for (const id of ["mse_loss", "affine_layer"]) {
      const exercise = MANIFEST.find((e) => e.id === id)!;
      const replay = replayOf(exercise, "2", id === "mse_loss" ? "N=2,K=3" : "N=2,D=1,H=3");
      const t = await replayed(session, exercise, replay);
      assert.equal(t.status, "passed", t.message);
      assert.equal(t.case, undefined);
    }
  } finally {
    await session.close();
  }
});

Deno.test("--test and --sizes are checked against the test: a clear error for each mistake", () => {
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  assert.deepEqual(parseSizes("N=2, K=3"), { N: 2, K: 3 });
  assert.throws(() => parseSizes("N2"), /NAME=NUMBER pairs/);
  assert.throws(() => replayOf(mse, "x"), /--test needs a test's number/);
  assert.throws(() => replayOf(mse, "99"), /mse_loss has tests 1 to \d+, not 99/);
  assert.throws(() => replayOf(mse, "2", "N=2"), /needs every size: N, K \(missing K\)/);
  assert.throws(() => replayOf(mse, "2", "N=3,K=3"), /pairwise different/);
  assert.throws(() => replayOf(mse, "2", "N=1,K=3"), /N must be at least 2/);
  assert.deepEqual(replayOf(mse, "2", "N=3,K=2").sizes, { N: 3, K: 2 });
});

Deno.test("a bad or foreign case file is refused with the reason", async () => {
  const dir = await Deno.makeTempDir();
  const mse = MANIFEST.find((e) => e.id === "mse_loss")!;
  const good: FailingCase = {
    test: 2,
    sizes: { N: 2, K: 3 },
    from: { N: 6, K: 4 },
    message: "",
    inputs: [
      { name: "pred", type: "Matrix", shape: [2, 3], values: [1, 2, 3, 4, 5, 6] },
      { name: "target", type: "Matrix", shape: [2, 3], values: [0, 0, 0, 0, 0, 0] },
    ],
  };
  const write = (name: string, text: string) => {
    Deno.writeTextFileSync(`${dir}/${name}`, text);
    return `${dir}/${name}`;
  };
  const text = caseFileText("mse_loss", mse.spec.tests[1].name, good);
  const read = (name: string, t: string) => readCaseFile(write(name, t), MANIFEST);
  try {
    const ok = read("ok.json", text);
    assert.deepEqual(ok.sizes, { N: 2, K: 3 });
    assert.deepEqual(Array.from((ok.inputs!.pred as { data: Float64Array }).data), [
      1,
      2,
      3,
      4,
      5,
      6,
    ]);
    const cases: [string, string, RegExp][] = [
      ["notjson", "{", /not a case file \(not JSON\)/],
      ["report", '{"schemaVersion": 2}', /not a case file \(no "format"/],
      [
        "version",
        text.replace('"version": 1', '"version": 7'),
        /version 7, this kit reads version 1/,
      ],
      [
        "exercise",
        text.replace('"exercise": "mse_loss"', '"exercise": "nope"'),
        /"nope" is not in this course/,
      ],
      ["renamed", text.replace(/"testName": "[^"]*"/, '"testName": "old"'), /is now "dPred/],
      ["sizes", text.replace('"N": 2', '"N": 3'), /pairwise different/],
      [
        "shape",
        text.replace('"shape": [\n        2,\n        3\n      ]', '"shape": [3, 2]'),
        /shape \[3,2\]/,
      ],
      [
        "nan",
        text.replace('"values": [\n        1,', '"values": [\n        "x",'),
        /not a finite number/,
      ],
      ["missing", text.replace('"name": "target"', '"name": "other"'), /no input "target"/],
    ];
    for (const [name, t, why] of cases) {
      assert.throws(() => read(`${name}.json`, t), (e: Error) => {
        assert.ok(e instanceof BadCaseFile && e instanceof UsageError, name);
        assert.match(e.message, why, name);
        return true;
      });
    }
    assert.throws(() => readCaseFile(`${dir}/absent.json`, MANIFEST), /cannot be read/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("shrinking changes no verdict: a learner that loops on small inputs keeps its verdicts, with no timeout", async () => {
  const dir = await Deno.makeTempDir();
  const file = MANIFEST.find((e) => e.id === "mse_loss")!.file;
  // Wrong (no 1/N) on every batch, and stuck forever on a batch of two: only shrinking meets it.
  const source = Deno.readTextFileSync(`${KIT_DIR}/solutions/${file}`).replace(
    "  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };",
    "  while (n === 2) { /* stuck */ }\n  return { loss: diff.square().sum(), dPred: diff.mul(2) };",
  );
  Deno.writeTextFileSync(`${dir}/${file}`, source);
  try {
    const session = await GradingSession.open({ dir });
    try {
      const started = performance.now();
      const report = await session.grade({ seed: SEED, ids: ["mse_loss"] });
      const wall = performance.now() - started;
      const e = report.exercises[0];
      assert.equal(e.status, "failed", e.message);
      assert.deepEqual(e.tests.map((t) => t.status), [
        "failed",
        "failed",
        "failed",
        "passed", // N = 1: the 1/N left out makes no difference
        "passed",
        "failed",
      ]);
      // The search stopped at its time budget (1.5 s of the learner's code), not the exercise's.
      assert.ok(wall < 8000, `graded in ${Math.round(wall)} ms`);
      // Its first candidate (N = 2) hit the budget and stopped the sandbox: no case to show.
      assert.equal(e.tests.find((t) => t.case), undefined);
    } finally {
      await session.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a case file's inputs must be ones the test draws: the test's own validate (labels, kinks)", async () => {
  const dir = await Deno.makeTempDir();
  const hinge = MANIFEST.find((e) => e.id === "binary_hinge")!;
  const file = (y: number[], scores: number[]) => {
    const c: FailingCase = {
      test: 1,
      sizes: { N: 2 },
      from: { N: 9 },
      message: "",
      inputs: [
        { name: "scores", type: "Matrix", shape: [2, 1], values: scores },
        { name: "y", type: "Float64Array", shape: [2], values: y },
      ],
    };
    const path = `${dir}/case.json`;
    Deno.writeTextFileSync(path, caseFileText("binary_hinge", hinge.spec.tests[0].name, c));
    return path;
  };
  try {
    assert.deepEqual(readCaseFile(file([1, -1], [0.5, 2]), MANIFEST).sizes, { N: 2 });
    assert.throws(() => readCaseFile(file([1, 0], [0.5, 2]), MANIFEST), /not −1 or \+1/);
    assert.throws(() => readCaseFile(file([1, -1], [1, 2]), MANIFEST), /on the hinge's kink/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Runs a command line as a learner types it, at the kit's folder. */
async function shell(line: string, env: Record<string, string> = {}) {
  const out = await new Deno.Command("sh", {
    args: ["-c", line],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout) };
}

Deno.test("the printed replay lines run as printed: --test/--sizes (public seed) and --case FILE (secret inputs)", async () => {
  const dir = await Deno.makeTempDir();
  const file = MANIFEST.find((e) => e.id === "mse_loss")!.file;
  Deno.writeTextFileSync(
    `${dir}/${file}`,
    Deno.readTextFileSync(`${KIT_DIR}/solutions/${file}`).replace(
      "  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };",
      "  return { loss: diff.square().sum(), dPred: diff.mul(2) };",
    ),
  );
  try {
    const json = (stdout: string) => JSON.parse(stdout) as Report;
    const caseOf = (r: Report) => shownCase(r.exercises[0]).case;
    // Public: the line printed replays the case alone, and it fails the same way.
    const run = await shell(`./deno task grade mse_loss --dir ${dir} --seed 5 --format json`);
    const c = caseOf(json(run.stdout));
    assert.equal(
      c.replay,
      `./deno task grade mse_loss --seed 5 --test 1 --sizes N=2,K=3 --dir ${dir}`,
    );
    const again = await shell(`${c.replay} --format json`);
    assert.equal(again.code, 1);
    const replayed = json(again.stdout).exercises[0].tests;
    assert.equal(replayed.length, 1);
    assert.equal(replayed[0].message?.slice(0, 600), c.message);
    // Secret: the run writes the case file; --case FILE replays it, with no GRADER_SEED at all.
    const secret = await shell(`./deno task grade mse_loss --dir ${dir} --format json`, {
      GRADER_SEED: "00112233445566778899aabbccddeeff",
    });
    const s = caseOf(json(secret.stdout));
    assert.match(
      s.replay ?? "",
      /^\.\/deno task grade --case \.cache\/cases\/mse_loss-test1\.json --dir /,
    );
    const fromFile = await shell(`${s.replay} --format json`);
    assert.equal(fromFile.code, 1);
    assert.equal(json(fromFile.stdout).exercises[0].tests[0].message?.slice(0, 600), s.message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a case is run on a fresh module: a failure that needs what earlier calls left shows no case", async () => {
  const dir = await Deno.makeTempDir();
  const file = MANIFEST.find((e) => e.id === "mse_loss")!.file;
  // Right on the first call of a module, wrong (no 1/N) on every call after it.
  Deno.writeTextFileSync(
    `${dir}/${file}`,
    Deno.readTextFileSync(`${KIT_DIR}/solutions/${file}`).replace(
      "  return { loss: diff.square().sum() / n, dPred: diff.mul(2 / n) };",
      "  const m = calls++ === 0 ? n : 1;\n" +
        "  return { loss: diff.square().sum() / m, dPred: diff.mul(2 / m) };",
    ) + "\nlet calls = 0;\n",
  );
  try {
    const session = await GradingSession.open({ dir });
    try {
      const e = (await session.grade({ seed: SEED, ids: ["mse_loss"] })).exercises[0];
      assert.equal(e.tests[0].status, "passed");
      assert.equal(e.tests[1].status, "failed");
      // Run alone, test 2 passes: there is no case to show, and none is shown.
      assert.deepEqual(e.tests.filter((t) => t.case), []);
      const mse = MANIFEST.find((x) => x.id === "mse_loss")!;
      const alone = await replayed(session, mse, {
        exerciseId: "mse_loss",
        test: 2,
        testName: e.tests[1].name,
      });
      assert.equal(alone.status, "passed");
    } finally {
      await session.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("replayFromOptions: --test with one exercise, --case alone, --sizes only with --test", () => {
  const named = (n: string) => MANIFEST.find((e) => e.id === n)!;
  const ask = (v: Record<string, string | boolean>, positionals: string[] = []) =>
    replayFromOptions(v, positionals, named, MANIFEST);
  assert.equal(ask({}), undefined);
  assert.deepEqual(ask({ test: "2", sizes: "N=3,K=2" }, ["mse_loss"])?.sizes, { N: 3, K: 2 });
  assert.equal(ask({ test: "2" }, ["mse_loss"])?.sizes, undefined);
  assert.throws(() => ask({ sizes: "N=2" }), /--sizes goes with --test/);
  assert.throws(() => ask({ test: "2" }), /name exactly one \(got 0\)/);
  assert.throws(() => ask({ test: "2" }, ["mse_loss", "relu"]), /name exactly one \(got 2\)/);
  assert.throws(() => ask({ test: "2", watch: true }, ["mse_loss"]), /no --watch, no --list/);
  assert.throws(() => ask({ case: "x.json" }, ["mse_loss"]), /give no exercise, --test or --sizes/);
  assert.throws(() => ask({ case: "x.json", test: "1" }), /give no exercise, --test or --sizes/);
});

Deno.test("case files of the newly sized exercises: labels out of range and inputs on a kink are refused", async () => {
  const dir = await Deno.makeTempDir();
  const write = (id: string, test: number, c: FailingCase) => {
    const exercise = MANIFEST.find((e) => e.id === id)!;
    const path = `${dir}/case.json`;
    Deno.writeTextFileSync(path, caseFileText(id, exercise.spec.tests[test - 1].name, c));
    return readCaseFile(path, MANIFEST);
  };
  // multiclass_hinge, test 1: N = 2, C = 3, margin terms 0.5 and −0.5 away from the kink.
  const svm = (y: number[], scores: number[]): FailingCase => ({
    test: 1,
    sizes: { N: 2, C: 3 },
    from: { N: 7, C: 4 },
    message: "",
    inputs: [
      { name: "scores", type: "Matrix", shape: [2, 3], values: scores },
      { name: "y", type: "Int32Array", shape: [2], values: y },
    ],
  });
  // relu, test 2: a 1×2 input and its upstream gradient.
  const relu = (x: number[]): FailingCase => ({
    test: 2,
    sizes: { R: 1, C: 2 },
    from: { R: 2, C: 3 },
    message: "",
    inputs: [
      { name: "x", type: "Matrix", shape: [1, 2], values: x },
      { name: "dout", type: "Matrix", shape: [1, 2], values: [0.5, -1.2] },
    ],
  });
  try {
    const fine = [0, 0.5, -2, 1, 0.5, 0];
    assert.deepEqual(write("multiclass_hinge", 1, svm([0, 2], fine)).sizes, { N: 2, C: 3 });
    assert.throws(() => write("multiclass_hinge", 1, svm([0, 3], fine)), /label outside 0 … 2/);
    const kink = [0, -1, -2, 1, 0.5, 0]; // row 0: s₁ − s₀ + 1 = 0
    assert.throws(() => write("multiclass_hinge", 1, svm([0, 2], kink)), /on the kink/);
    assert.deepEqual(write("relu", 2, relu([0.7, -0.3])).sizes, { R: 1, C: 2 });
    assert.throws(() => write("relu", 2, relu([0.7, 0.01])), /near the kink at 0/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
