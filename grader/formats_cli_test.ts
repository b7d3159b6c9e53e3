/**
 * The command line's outputs end to end: every format from one run, bad outputs refused before
 * grading, and trusted grading of a learner's whole repository.
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { STUBS_DIR } from "./manifest.ts";
import type { Report } from "./report.ts";

/** This process's environment without GitHub's step files (the kit's own CI sets them). */
function ownEnv(): Record<string, string> {
  const env = Deno.env.toObject();
  delete env.GITHUB_OUTPUT;
  delete env.GITHUB_STEP_SUMMARY;
  return env;
}

async function cli(args: string[], env: Record<string, string> = {}, cwd = KIT_DIR) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${KIT_DIR}/grader/main.ts`, ...args],
    cwd,
    env: { ...ownEnv(), NO_COLOR: "1", ...env },
    clearEnv: true,
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

async function withFolder(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-formats-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const listing = (dir: string) => [...Deno.readDirSync(dir)].map((e) => e.name).sort();

/** The report without its timings and the folder graded, which differ from run to run. */
function comparable(report: Report): unknown {
  return JSON.parse(
    JSON.stringify(report, (k, v) => k === "durationMs" ? 0 : k === "dir" ? "" : v),
  );
}

Deno.test("cli: one run prints one format and writes every other, GitHub's files appended to", async () => {
  await withFolder(async (dir) => {
    const env = { GITHUB_OUTPUT: `${dir}/gh-output`, GITHUB_STEP_SUMMARY: `${dir}/gh-summary` };
    await Deno.writeTextFile(env.GITHUB_OUTPUT, "before=1\n");
    const formats = ["json", "gradescope", "junit", "classroom", "markdown", "terminal", "html"];
    const r = await cli([
      "gates",
      "relu",
      "--dir",
      "solutions",
      "--seed",
      "5",
      "--format",
      "json",
      ...formats.flatMap((f) => ["--out", `${f}=${dir}/out.${f}`]),
      "--out",
      `${dir}/bare.json`,
      "--out",
      `markdown=${env.GITHUB_STEP_SUMMARY}`,
    ], env);
    assert.equal(r.code, 0, r.stderr);
    const read = (name: string) => Deno.readTextFileSync(`${dir}/${name}`);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(JSON.parse(read("out.json")), report);
    assert.deepEqual(JSON.parse(read("bare.json")), report);
    assert.equal(report.summary.points, 20);
    const gradescope = JSON.parse(read("out.gradescope"));
    assert.equal(gradescope.score, 20);
    const tests = report.exercises.reduce((n, e) => n + e.tests.length, 0);
    assert.equal(gradescope.tests.length, tests);
    assert.match(gradescope.output, /replay exactly: \.\/deno task grade gates relu --seed 5/);
    assert.match(
      read("out.junit"),
      new RegExp(
        `^<\\?xml version="1\\.0" encoding="UTF-8"\\?>\\n<testsuites name="gradkit" ` +
          `tests="${tests}" failures="0" errors="0"`,
      ),
    );
    const classroom = JSON.parse(read("out.classroom"));
    assert.equal(classroom.max_score, 20);
    // $GITHUB_OUTPUT: what was there, then the classroom result as the step output "result".
    const output = read("gh-output");
    const m = /^before=1\nresult=([A-Za-z0-9+/=]+)\n$/.exec(output);
    assert.ok(m, output);
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0)));
    assert.deepEqual(JSON.parse(decoded), classroom);
    assert.equal(read("gh-summary"), read("out.markdown"));
    assert.match(read("out.markdown"), /^## gradkit: 20\/20 points, 2\/2 exercises passed\n/);
    assert.match(read("out.terminal"), /^gradkit: grading solutions with seed 5\n/);
    assert.ok(!read("out.terminal").includes("\x1b["), "no colors in a file");
    assert.match(read("out.html"), /^<!DOCTYPE html>\n[^]*No test of this run drew a curve/);
    assert.deepEqual(listing(dir), [
      "bare.json",
      "gh-output",
      "gh-summary",
      ...formats.map((f) => `out.${f}`).sort(),
    ]);
  });
});

Deno.test("cli: a bad output is a usage error before grading, and leaves nothing behind", async () => {
  await withFolder(async (dir) => {
    const cases: [string[], RegExp][] = [
      [
        ["--out", `${dir}/no/such/r.json`],
        /--out .*\/no\/such\/r\.json: no such folder: .*\/no\/such\n/,
      ],
      [["--out", `xml=${dir}/r.xml`], /unknown format "xml"/],
      [["--out", `${dir}/r.json`, "--out", `json=${dir}/./r.json`], /write the same file/],
      [["--out", `junit=${dir}`], /is a folder, not a file/],
      [
        ["--format", "xml"],
        /--format must be one of terminal, json, gradescope, junit, classroom, markdown/,
      ],
      [["--watch", "--out", `${dir}/r.json`], /--watch prints for a person/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(["relu", "--seed", "1", ...args]);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.ok(!r.stderr.includes("    at "), `a stack trace: ${r.stderr}`);
      assert.equal(r.stdout, "", "nothing graded");
    }
    assert.deepEqual(listing(dir), []);
  });
});

/** Copies a folder (`cp -R`: the kit's tests run on Linux and macOS). */
async function copy(from: string, to: string): Promise<void> {
  const out = await new Deno.Command("cp", { args: ["-R", from, to] }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
}

/**
 * A learner's repository: the kit's stubs with relu and mse_loss solved. `tampered`: its own
 * grader, lib, deno.json and workflow edited to make everything pass.
 */
async function learnerRepo(root: string, tampered: boolean): Promise<void> {
  await Deno.mkdir(root);
  await copy(`${KIT_DIR}/${STUBS_DIR}`, `${root}/exercises`);
  for (const file of ["04_relu.ts", "08_mse_loss.ts"]) {
    await Deno.copyFile(`${KIT_DIR}/solutions/${file}`, `${root}/exercises/${file}`);
  }
  if (!tampered) return;
  await copy(`${KIT_DIR}/grader`, `${root}/grader`);
  for (const entry of Deno.readDirSync(`${root}/grader/specs`)) {
    Deno.writeTextFileSync(`${root}/grader/specs/${entry.name}`, "export {};\n");
  }
  await copy(`${KIT_DIR}/lib`, `${root}/lib`);
  // A todo() that returns instead of throwing, and a Matrix that equals anything.
  Deno.writeTextFileSync(
    `${root}/lib/todo.ts`,
    "export class NotImplementedError extends Error {}\n// deno-lint-ignore no-explicit-any\n" +
      "export function todo(_what: string): any {\n  return 0;\n}\n",
  );
  Deno.writeTextFileSync(
    `${root}/deno.json`,
    JSON.stringify({
      imports: { "@gradkit/lib": "./lib/mod.ts" },
      tasks: { grade: "echo '16/16 exercises passed; 160/160 points'", test: "true" },
    }),
  );
  Deno.writeTextFileSync(
    `${root}/exercises/deno.json`,
    JSON.stringify({ imports: { "@gradkit/lib": "../lib/mod.ts" } }),
  );
  Deno.mkdirSync(`${root}/.github/workflows`, { recursive: true });
  Deno.writeTextFileSync(
    `${root}/.github/workflows/classroom.yml`,
    "on: push\njobs:\n  grade:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo passed\n",
  );
}

Deno.test("cli: a learner's repository whose own kit was edited to pass everything grades exactly as its exercise files", async () => {
  await withFolder(async (dir) => {
    await learnerRepo(`${dir}/tampered`, true);
    await learnerRepo(`${dir}/plain`, false);
    const ids = ["gates", "relu", "mse_loss", "sigmoid_neuron"];
    const grade = async (target: string) => {
      const r = await cli([...ids, "--dir", target, "--seed", "11", "--format", "json"]);
      assert.equal(r.code, 1, r.stderr);
      return JSON.parse(r.stdout) as Report;
    };
    const repo = await grade(`${dir}/tampered`);
    const exercises = await grade(`${dir}/tampered/exercises`);
    const plain = await grade(`${dir}/plain/exercises`);
    assert.deepEqual(
      plain.exercises.map((e) => [e.id, e.status]),
      [["gates", "not_started"], ["relu", "passed"], ["sigmoid_neuron", "not_started"], [
        "mse_loss",
        "passed",
      ]],
    );
    assert.equal(repo.dir, `${dir}/tampered/exercises`);
    assert.deepEqual(comparable(repo), comparable(plain));
    assert.deepEqual(comparable(exercises), comparable(plain));
    // From inside the repository, as a workflow would run it: --dir .
    const here = await cli(
      ["relu", "--dir", ".", "--seed", "11", "--format", "json"],
      {},
      `${dir}/plain`,
    );
    assert.equal(here.code, 0, here.stderr);
    assert.equal((JSON.parse(here.stdout) as Report).dir, "./exercises");
  });
});

Deno.test("cli: a repository whose exercises/ is a link is refused", async () => {
  await withFolder(async (dir) => {
    await learnerRepo(`${dir}/other`, false);
    Deno.mkdirSync(`${dir}/linked`);
    Deno.symlinkSync(`${dir}/other/exercises`, `${dir}/linked/exercises`);
    const r = await cli(["relu", "--dir", `${dir}/linked`]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /linked\/exercises is a symbolic link/);
  });
});

// Every 8 hexadecimal digits of it contain a letter, so no number in a report can match.
const SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";

Deno.test("cli: under GRADER_SEED no format shows the secret; every one shows the nonce", async () => {
  await withFolder(async (dir) => {
    const formats = ["json", "gradescope", "junit", "classroom", "markdown", "terminal", "html"];
    const r = await cli([
      "relu",
      "gates",
      "--format",
      "markdown",
      ...formats.flatMap((f) => ["--out", `${f}=${dir}/out.${f}`]),
    ], { GRADER_SEED: SECRET, GITHUB_OUTPUT: `${dir}/gh-output` });
    assert.equal(r.code, 1, r.stderr);
    const nonce = (JSON.parse(Deno.readTextFileSync(`${dir}/out.json`)) as Report).nonce;
    assert.match(nonce ?? "", /^[0-9a-f]{32}$/);
    const encoded = /^result=(.*)$/.exec(Deno.readTextFileSync(`${dir}/gh-output`).trim())![1];
    const texts: Record<string, string> = {
      stdout: r.stdout,
      stderr: r.stderr,
      "gh-output": new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))),
    };
    for (const f of formats) texts[f] = Deno.readTextFileSync(`${dir}/out.${f}`);
    for (const [name, text] of Object.entries(texts)) {
      for (let i = 0; i + 8 <= SECRET.length; i++) {
        assert.ok(!text.toLowerCase().includes(SECRET.slice(i, i + 8)), `${name} shows the secret`);
      }
      if (name !== "stderr") assert.ok(text.includes(nonce!), `${name} does not show the nonce`);
    }
  });
});
