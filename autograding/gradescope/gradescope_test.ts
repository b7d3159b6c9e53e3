/**
 * The Gradescope autograder, end to end in a temporary folder laid out as Gradescope lays it
 * out: `make_autograder.sh` packs a learner's copy of the kit (`deno task release`) into
 * `source/`, `setup.sh` runs there (Node.js is here already; the kit's Deno is linked in, as if
 * `./deno` had installed it), `run_autograder` is copied to the root as Gradescope does and run
 * on what learners upload (a zipped repository whose own grader was rewritten to pass
 * everything, loose exercise files, a packed secret) and on three failures (an upload the grader
 * refuses, a broken kit, a kit that prints control characters and invalid UTF-8), each of which
 * must still leave a valid `results.json`. About 4 s (6 under load): five gradings.
 */

import assert from "node:assert/strict";
import { MANIFEST } from "../../grader/manifest.ts";
import { release } from "../../grader/release.ts";
import type { GradescopeResults } from "../../grader/reporters/gradescope.ts";
import {
  baseEnv,
  fileOf,
  linkDeno,
  pointsOf,
  run,
  setAsideClinics,
  solve,
  tamper,
} from "../_testing.ts";

const HERE = new URL(".", import.meta.url).pathname.replace(/\/$/, "");

/** Checks `results.json` against Gradescope's fields, and returns it. */
async function readResults(root: string): Promise<GradescopeResults> {
  const bytes = await Deno.readFile(`${root}/results/results.json`);
  const results = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  assert.equal(typeof results.score, "number");
  assert.equal(typeof results.execution_time, "number");
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
    assert.ok(t.status === "passed" || t.status === "failed");
    assert.ok(t.score >= 0 && t.score <= t.max_score);
  }
  return results;
}

/** The score of each exercise, from the tests' names ("id: test"). */
function byExercise(results: GradescopeResults): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of results.tests) {
    const id = t.name.slice(0, t.name.indexOf(":"));
    out.set(id, Math.round(((out.get(id) ?? 0) + t.score) * 100) / 100);
  }
  return out;
}

Deno.test("gradescope autograder: packed from a learner's copy, set up, and run on what learners upload", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "gradkit-gradescope-" });
  const root = `${tmp}/autograder`;
  const env = { ...baseEnv(), GRADKIT_AUTOGRADER_ROOT: root };
  const upload = async (make: (submission: string) => Promise<void>) => {
    await Deno.remove(`${root}/submission`, { recursive: true }).catch(() => {});
    await Deno.mkdir(`${root}/submission`, { recursive: true });
    await make(`${root}/submission`);
    return await run(`${root}/run_autograder`, { cwd: tmp, env });
  };
  try {
    await t.step("make_autograder.sh packs the learner's copy with the two scripts", async () => {
      await release({ dest: `${tmp}/loss-course`, check: false });
      await Deno.mkdir(`${tmp}/loss-course/.git`);
      const refused = await run(`${HERE}/make_autograder.sh`, {
        args: [`${tmp}/loss-course`, `${root}/source`],
        cwd: tmp,
        env: { ...env, GRADER_SEED: "1234" },
      });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /GRADER_SEED must be 32 or more/);
      const made = await run(`${HERE}/make_autograder.sh`, {
        args: [`${tmp}/loss-course`, `${root}/source`],
        cwd: tmp,
        env,
      });
      assert.equal(made.code, 0, made.stderr);
      for (const script of ["setup.sh", "run_autograder"]) {
        assert.ok((Deno.statSync(`${root}/source/${script}`).mode ?? 0) & 0o100, script);
      }
      assert.ok(Deno.statSync(`${root}/source/grader/main.ts`).isFile);
      for (const absent of [".git", "solutions", "GRADER_SEED", ".tools/node_modules"]) {
        assert.throws(() => Deno.lstatSync(`${root}/source/${absent}`), absent);
      }
    });

    await t.step("setup.sh: Node.js present, the kit's Deno runs, its stubs grade", async () => {
      await linkDeno(`${root}/source`);
      const setup = await run("bash", { args: [`${root}/source/setup.sh`], cwd: tmp, env });
      assert.equal(setup.code, 0, setup.stdout + setup.stderr);
      assert.match(setup.stdout, /deno 2\.[\s\S]*gradkit setup: ready/);
      // Gradescope runs a copy of run_autograder from the root.
      await Deno.copyFile(`${root}/source/run_autograder`, `${root}/run_autograder`);
      await Deno.mkdir(`${root}/results`);
    });

    await t.step(
      "a zipped repository (one folder), its own grader rewritten: only its exercises count",
      async () => {
        const solved = ["gates", "mse_loss", "binary_hinge"];
        const graded = await upload(async (submission) => {
          const repo = `${submission}/loss-course-ada`;
          await release({ dest: repo, check: false });
          await solve(`${repo}/exercises`, solved);
          await setAsideClinics(`${repo}/exercises`);
          await tamper(repo);
        });
        assert.equal(graded.code, 0, graded.stderr);
        const results = await readResults(root);
        assert.equal(results.score, pointsOf(solved));
        const scores = byExercise(results);
        for (const [id, score] of scores) assert.equal(score, solved.includes(id) ? 10 : 0, id);
        assert.equal(scores.size, MANIFEST.length);
        assert.match(results.output, new RegExp(`3/${MANIFEST.length} exercises passed`));
        // The terminal report on standard output, for the instructor's view of the run.
        assert.match(graded.stdout, /passed +mse_loss/);
      },
    );

    await t.step(
      "loose exercise files: those uploaded are graded, the others not started",
      async () => {
        const graded = await upload(async (submission) => {
          await solve(submission, ["relu"]);
          await Deno.copyFile(
            `${root}/source/exercises/${fileOf("fork")}`,
            `${submission}/${fileOf("fork")}`,
          );
        });
        assert.equal(graded.code, 0, graded.stderr);
        const results = await readResults(root);
        assert.equal(results.score, pointsOf(["relu"]));
        assert.equal(byExercise(results).get("relu"), pointsOf(["relu"]));
      },
    );

    await t.step(
      "a secret packed in the autograder: secret inputs, the secret shown nowhere",
      async () => {
        const secret = "00112233445566778899aabbccddeeff";
        await Deno.writeTextFile(`${root}/source/GRADER_SEED`, `${secret}\n`);
        try {
          const graded = await upload((submission) => solve(submission, ["relu"]));
          assert.equal(graded.code, 0, graded.stderr);
          const results = await readResults(root);
          assert.equal(results.score, pointsOf(["relu"]));
          assert.match(results.output, /nonce/);
          const written = await Deno.readTextFile(`${root}/results/results.json`);
          assert.ok(!written.includes(secret) && !graded.stdout.includes(secret));
        } finally {
          await Deno.remove(`${root}/source/GRADER_SEED`);
        }
      },
    );

    await t.step("an upload the grader refuses: score 0 and why", async () => {
      const graded = await upload(async (submission) => {
        await Deno.mkdir(`${tmp}/elsewhere`);
        await Deno.symlink(`${tmp}/elsewhere`, `${submission}/exercises`);
      });
      assert.equal(graded.code, 0, graded.stderr);
      const results = await readResults(root);
      assert.equal(results.score, 0);
      assert.deepEqual(results.tests, []);
      assert.match(results.output, /could not grade this submission: the grader refused/);
      assert.match(results.output, /symbolic link/);
    });

    await t.step("a kit that cannot grade: score 0 and why, never no file", async () => {
      await Deno.rename(`${root}/source/grader/main.ts`, `${root}/source/grader/main.ts.gone`);
      const graded = await upload((submission) => solve(submission, ["relu"]));
      assert.equal(graded.code, 0, graded.stderr);
      const results = await readResults(root);
      assert.equal(results.score, 0);
      assert.match(results.output, /could not grade this submission: the grader stopped/);
      assert.match(results.output, /main\.ts/);
    });

    await t.step("a kit that prints anything before it fails: still valid JSON", async () => {
      await Deno.writeTextFile(
        `${root}/source/deno`,
        `#!/bin/sh\nprintf 'a "quote", a \\\\ backslash,\\ta tab, \\033[31m, \\377\\376\\r\\n' >&2\nexit 7\n`,
      );
      const graded = await upload((submission) => solve(submission, ["relu"]));
      assert.equal(graded.code, 0, graded.stderr);
      const results = await readResults(root);
      assert.equal(results.score, 0);
      assert.match(results.output, /exit status 7/);
      assert.match(results.output, /a "quote", a \\ backslash, a tab, \[31m, $/);
    });
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
