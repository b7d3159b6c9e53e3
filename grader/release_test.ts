/**
 * The learner's copy (`deno task release`): no solution or known mistake in it, every exercise
 * `not_started`, its stubs the kit's, and its own `./deno task test` passing once a learner has
 * worked in it (solved, unformatted, deleted and half-done exercises, a failing test of their
 * own). The last runs the copy's whole test task once, in a subprocess: the slowest test of the
 * kit (tens of seconds: the copy's type check starts cold).
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { Report } from "./report.ts";
import {
  learnerConfig,
  learnerReadme,
  main,
  planRelease,
  release,
  ReleaseRefused,
} from "./release.ts";
import { stubStatus } from "./spec.ts";

function files(root: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(`${root}${rel}`)) {
    const path = `${rel}/${e.name}`;
    if (e.isDirectory) out.push(path + "/", ...files(root, path));
    else out.push(path);
  }
  return out;
}

const text = (path: string) => Deno.readTextFileSync(path);

async function run(cwd: string, args: string[]) {
  const out = await new Deno.Command(`${cwd}/deno`, {
    args,
    cwd,
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("release: a learner's copy without answers, graded not started, whose tests pass on a learner's work", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "gradkit-release-test-" });
  const copy = `${tmp}/class`;
  try {
    const plan = await release({ dest: copy, check: false });
    const shipped = files(copy);

    // No solution, no mistake, no benchmark fixture: no folder named so, no file identical.
    assert.deepEqual(shipped.filter((p) => /\/(solutions|mistakes|bench)\//.test(p)), []);
    const answers = new Map<string, string>();
    for (const dir of ["solutions", "grader/bench"]) {
      for (const f of files(`${KIT_DIR}/${dir}`)) {
        if (!f.endsWith("/")) answers.set(text(`${KIT_DIR}/${dir}${f}`), `${dir}${f}`);
      }
    }
    const leaked = shipped.filter((p) => !p.endsWith("/") && answers.has(text(`${copy}${p}`)));
    assert.deepEqual(leaked, []);
    assert.ok(plan.left.some((l) => l.path === "grader/catalogue_test.ts"));

    // The stubs as shipped: the kit's pristine copy, twice (exercises/, and the reset source).
    for (const e of MANIFEST) {
      const stub = text(`${KIT_DIR}/${STUBS_DIR}/${e.file}`);
      assert.equal(text(`${copy}/exercises/${e.file}`), stub, e.file);
      assert.equal(text(`${copy}/${STUBS_DIR}/${e.file}`), stub, e.file);
    }
    assert.equal(text(`${copy}/README.md`), learnerReadme(text(`${KIT_DIR}/README.md`)));
    assert.doesNotMatch(text(`${copy}/README.md`), /docs\//);
    const config = JSON.parse(text(`${copy}/deno.json`));
    assert.deepEqual(Object.keys(config.tasks), [
      "grade",
      "watch",
      "list",
      "hint",
      "reset",
      "test",
    ]);
    assert.doesNotMatch(config.tasks.test, /solutions/);
    assert.ok((Deno.statSync(`${copy}/deno`).mode ?? 0o755) & 0o100, "./deno is executable");

    // The pinned Deno the kit has (a fresh machine installs it from npm on first use).
    await Deno.mkdir(`${copy}/.tools`, { recursive: true });
    await Deno.symlink(
      Deno.realPathSync(`${KIT_DIR}/.tools/node_modules`),
      `${copy}/.tools/node_modules`,
    );

    const graded = await run(copy, ["task", "grade", "--seed", "5", "--format", "json"]);
    assert.equal(graded.code, 1, graded.stderr);
    const report = JSON.parse(graded.stdout) as Report;
    assert.deepEqual(
      report.exercises.filter((e) =>
        e.status !== stubStatus(MANIFEST.find((x) => x.id === e.id)!.spec)
      ).map((e) => e.id),
      [],
    );
    assert.equal(report.exercises.length, MANIFEST.length);

    // A learner at work: two solved, one solved but unformatted, one deleted, one half done
    // (a type error and an unused variable), and a failing test of their own.
    const file = (id: string) => MANIFEST.find((e) => e.id === id)!.file;
    for (const id of ["mse_loss", "relu"]) {
      await Deno.copyFile(`${KIT_DIR}/solutions/${file(id)}`, `${copy}/exercises/${file(id)}`);
    }
    const messy = text(`${KIT_DIR}/solutions/${file("gates")}`).replace(/\n {2}/g, "\n\t    ")
      .replace(/;\n/g, "   ;\n");
    await Deno.writeTextFile(`${copy}/exercises/${file("gates")}`, messy);
    await Deno.remove(`${copy}/exercises/${file("fork")}`);
    const half = text(`${copy}/exercises/${file("affine_layer")}`).replace(
      /todo\("[^"]*"\);/,
      'const started: number = "half done";',
    );
    await Deno.writeTextFile(`${copy}/exercises/${file("affine_layer")}`, half);
    await Deno.writeTextFile(
      `${copy}/exercises/mine_test.ts`,
      'Deno.test("mine", () => { throw new Error("not yet") })\n',
    );

    const tested = await run(copy, ["task", "test"]);
    assert.equal(tested.code, 0, tested.stdout + tested.stderr);

    const after = await run(copy, ["task", "grade", "--seed", "5", "--format", "json"]);
    const status = new Map((JSON.parse(after.stdout) as Report).exercises.map((e) => [e.id, e]));
    assert.equal(status.get("mse_loss")!.status, "passed");
    assert.equal(status.get("gates")!.status, "passed");
    assert.equal(status.get("fork")!.status, "not_started");
    assert.match(status.get("fork")!.message!, /new in this version of the kit/);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("release: refuses a folder that is not empty, and a kit whose catalogue check fails", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "gradkit-release-refused-" });
  try {
    await Deno.writeTextFile(`${tmp}/keep.txt`, "mine");
    await assert.rejects(() => release({ dest: tmp, check: false }), ReleaseRefused, "not empty");
    await Deno.remove(`${tmp}/keep.txt`);
    // A kit with no stubs, no solutions, no mistakes: every exercise is named, nothing written.
    const kit = await Deno.makeTempDir({ prefix: "gradkit-broken-kit-" });
    try {
      await assert.rejects(
        () => release({ dest: tmp, kitDir: kit }),
        (e: Error) =>
          e instanceof ReleaseRefused && /the catalogue check failed/.test(e.message) &&
          /numerical_gradient: no stub grader\/stubs\/01_numerical_gradient\.ts/.test(e.message) &&
          /train_linear_classifier: no solution/.test(e.message),
      );
    } finally {
      await Deno.remove(kit, { recursive: true });
    }
    assert.deepEqual([...Deno.readDirSync(tmp)], []);
    assert.equal(await main([]), 2);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("release plan: by rule, what needs solutions/ or the benchmarks stays; what grades ships", () => {
  const { copy, left } = planRelease();
  const stays = new Map(left.map((l) => [l.path, l.why]));
  assert.match(stays.get("grader/catalogue_test.ts")!, /solutions/);
  assert.match(stays.get("grader/checker_test.ts")!, /imports grader\/bench\//);
  // staging.ts names solutions/ (to refuse its files) and ships: only tests need the answers.
  for (
    const needed of ["grader/main.ts", "grader/staging.ts", "grader/specs/mse_loss.ts", "deno"]
  ) {
    assert.ok(copy.includes(needed), needed);
  }
  assert.deepEqual(copy.filter((p) => p.startsWith("solutions/") || p.startsWith("docs/")), []);
});

Deno.test("learner config: the test task keeps the kit's folders and drops instructor-only ones, quoted or not", () => {
  const kit = JSON.stringify({
    tasks: {
      ...Object.fromEntries(
        ["grade", "watch", "list", "hint", "reset"].map((t) => [t, "deno run x"]),
      ),
      test: "deno check 'grader/**/*.ts' 'solutions/**/*.ts' \"autograding/**/*.ts\" docs/ " +
        "grader/bench/x.ts grader/benchmark.ts && deno test --no-check",
      verify: "deno run grader/verify_cli.ts",
    },
  });
  const config = JSON.parse(learnerConfig(kit));
  assert.equal(
    config.tasks.test,
    "deno check 'grader/**/*.ts' grader/benchmark.ts && deno test --no-check",
  );
  assert.equal(config.tasks.verify, undefined);
});
