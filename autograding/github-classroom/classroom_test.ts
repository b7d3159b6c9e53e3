/**
 * The GitHub Classroom workflow (`classroom.yml`): its shape (every action pinned by commit
 * SHA, the grader checked out apart from the learner's work, the reporter reading the variable
 * the grading step fills) and its `run:` steps run here as GitHub runs them (`bash -e`, the
 * job's and step's environment, `GITHUB_WORKSPACE`, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`
 * pointing into a temporary folder), on a learner's repository whose own grader was rewritten
 * to pass everything. About 5 s: two copies of the kit, two gradings.
 */

import assert from "node:assert/strict";
import { MANIFEST } from "../../grader/manifest.ts";
import { release } from "../../grader/release.ts";
import type { ClassroomResult } from "../../grader/reporters/classroom.ts";
import {
  baseEnv,
  learnerCopy,
  pointsOf,
  run,
  setAsideClinics,
  solve,
  tamper,
} from "../_testing.ts";
import { readYaml, type Yaml } from "./_yaml.ts";

const WORKFLOW = new URL("./classroom.yml", import.meta.url).pathname;

type Map = { [key: string]: Yaml };

function map(value: Yaml | undefined, what: string): Map {
  assert.ok(value && typeof value === "object" && !Array.isArray(value), `${what}: a mapping`);
  return value as Map;
}

function str(value: Yaml | undefined, what: string): string {
  assert.equal(typeof value, "string", `${what}: a string`);
  return value as string;
}

const source = Deno.readTextFileSync(WORKFLOW);
const job = map(map(map(readYaml(source), "workflow").jobs, "jobs").grade, "jobs.grade");
const steps = (job.steps as Yaml[]).map((s, i) => map(s, `step ${i}`));
const uses = (s: Map) => typeof s.uses === "string" ? s.uses.replace(/@.*/, "") : undefined;
const checkouts = steps.filter((s) => uses(s) === "actions/checkout");
const learnerCheckout = checkouts.find((s) => !map(s.with, "checkout").repository)!;
const graderCheckout = checkouts.find((s) => map(s.with, "checkout").repository)!;
const learnerPath = str(map(learnerCheckout?.with, "learner checkout").path, "learner path");
const graderPath = str(map(graderCheckout?.with, "grader checkout").path, "grader path");
const grading = steps.find((s) => typeof s.run === "string" && s.run.includes("task grade"))!;
const reporter = steps.find((s) => uses(s) === "classroom-resources/autograding-grading-reporter")!;

Deno.test("classroom workflow: actions pinned by commit SHA, the grader apart from the learner's work, the reporter fed", () => {
  // Every action by full commit SHA, with the tag it was taken from named beside it.
  const lines = source.split("\n").filter((l) => /^\s*(- )?uses:/.test(l));
  assert.ok(lines.length >= 4);
  for (const l of lines) assert.match(l, /@[0-9a-f]{40} # v\d+(\.\d+)*$/, l);

  // The grader: its own repository at a pinned revision, in its own folder; the learner's
  // repository in another; neither inside the other.
  assert.equal(checkouts.length, 2);
  const g = map(graderCheckout.with, "grader checkout");
  assert.equal(g.repository, "${{ env.GRADER_REPOSITORY }}");
  assert.equal(g.ref, "${{ env.GRADER_REVISION }}");
  assert.equal(g["persist-credentials"], "false");
  assert.equal(map(learnerCheckout.with, "learner checkout")["persist-credentials"], "false");
  assert.notEqual(learnerPath, graderPath);
  assert.ok(!learnerPath.startsWith(`${graderPath}/`) && !graderPath.startsWith(`${learnerPath}/`));
  assert.match(str(map(job.env, "job env").GRADER_REVISION, "revision"), /FILL-IN/);
  assert.match(str(map(job.env, "job env").GRADER_REPOSITORY, "repository"), /FILL-IN/);

  // Node.js before grading (./deno installs Deno with npm); grading runs in the grader's folder
  // on the learner's folder.
  const node = steps.findIndex((s) => uses(s) === "actions/setup-node");
  assert.ok(node >= 0 && node < steps.indexOf(grading));
  assert.equal(grading["working-directory"], graderPath);
  assert.ok(str(grading.run, "run").includes(`--dir "$GITHUB_WORKSPACE/${learnerPath}"`));
  assert.equal(map(grading.env, "grading env").GRADER_SEED, "${{ secrets.GRADER_SEED }}");

  // The reporter reads <RUNNER>_RESULTS for each runner (its src/main.js), which must be the
  // grading step's output "result" (what grader/reporters/classroom.ts writes).
  const runners = str(map(reporter.with, "reporter with").runners, "runners").split(",");
  assert.deepEqual(runners, ["gradkit"]);
  const env = map(reporter.env, "reporter env");
  for (const r of runners) {
    assert.equal(
      env[`${r.trim().toUpperCase()}_RESULTS`],
      `\${{ steps.${grading.id}.outputs.result }}`,
    );
  }
  assert.match(str(reporter.if, "reporter if"), /always\(\)/);

  // Scripts take values from the environment, never from expressions spliced into them.
  for (const s of steps) if (typeof s.run === "string") assert.doesNotMatch(s.run, /\$\{\{/);
});

/** A step's environment entry, as GitHub would expand it (only the forms the workflow uses). */
function expand(value: string, secrets: Record<string, string>): string {
  return value.replace(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g, (_, name: string) => secrets[name] ?? "");
}

/** Runs the workflow's `run:` steps in order, as GitHub would; stops at the first that fails. */
async function runSteps(
  workspace: string,
  options: { jobEnv?: Record<string, string>; secrets?: Record<string, string> },
) {
  const files = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: `${workspace}/../github_output`,
    GITHUB_STEP_SUMMARY: `${workspace}/../step_summary.md`,
  };
  for (const f of [files.GITHUB_OUTPUT, files.GITHUB_STEP_SUMMARY]) await Deno.writeTextFile(f, "");
  const results = [];
  for (const s of steps) {
    if (typeof s.run !== "string") continue;
    const script = `${workspace}/../step.sh`;
    await Deno.writeTextFile(script, s.run);
    const env: Record<string, string> = { ...baseEnv(), ...files, CI: "true" };
    for (const [k, v] of Object.entries(map(job.env, "job env"))) env[k] = str(v, k);
    Object.assign(env, options.jobEnv ?? {});
    for (const [k, v] of Object.entries(s.env ? map(s.env, "env") : {})) {
      env[k] = expand(str(v, k), options.secrets ?? {});
    }
    const cwd = `${workspace}/${
      typeof s["working-directory"] === "string" ? s["working-directory"] : ""
    }`;
    // `shell: bash` in GitHub Actions.
    const r = await run("bash", {
      args: ["--noprofile", "--norc", "-eo", "pipefail", script],
      cwd,
      env,
    });
    results.push({ step: s, ...r });
    if (r.code !== 0) break;
  }
  return {
    results,
    output: await Deno.readTextFile(files.GITHUB_OUTPUT),
    summary: await Deno.readTextFile(files.GITHUB_STEP_SUMMARY),
  };
}

/** The result as the reporter reads it: the base64 in its variable, decoded, parsed. */
function reporterReads(githubOutput: string): ClassroomResult {
  const lines = githubOutput.split("\n").filter((l) => l.startsWith("result="));
  assert.equal(lines.length, 1, githubOutput);
  const bytes = Uint8Array.from(atob(lines[0].slice("result=".length)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

Deno.test("classroom workflow: its run steps grade a tampered learner repository with the pinned grader, for the reporter", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "gradkit-classroom-" });
  try {
    const workspace = `${tmp}/work`;
    await learnerCopy(`${workspace}/${graderPath}`);
    // The learner's repository: their copy of the kit, three exercises solved, its grader and
    // tasks rewritten to pass everything (which must change nothing).
    const repo = `${workspace}/${learnerPath}`;
    await release({ dest: repo, check: false });
    const solved = ["numerical_gradient", "mse_loss", "relu"];
    await solve(`${repo}/exercises`, solved);
    await setAsideClinics(`${repo}/exercises`);
    await tamper(repo);

    // Not filled in: the first step says so and nothing is graded.
    const unfilled = await runSteps(workspace, {});
    assert.equal(unfilled.results.length, 1);
    assert.equal(unfilled.results[0].code, 1);
    assert.match(unfilled.results[0].stdout, /::error::GRADER_REPOSITORY/);
    const noSha = await runSteps(workspace, {
      jobEnv: { GRADER_REPOSITORY: "a-school/loss-grader", GRADER_REVISION: "main" },
    });
    assert.match(noSha.results[0].stdout, /::error::GRADER_REVISION .* full commit SHA/);

    const filled = {
      GRADER_REPOSITORY: "a-school/loss-grader",
      GRADER_REVISION: "0123456789abcdef0123456789abcdef01234567",
    };
    const maxPoints = MANIFEST.reduce((n, e) => n + e.points, 0);
    for (const secret of ["", "00112233445566778899aabbccddeeff"]) {
      const { results, output, summary } = await runSteps(workspace, {
        jobEnv: filled,
        secrets: { GRADER_SEED: secret },
      });
      const graded = results.find((r) => r.step === grading)!;
      // Exit 1: not every exercise passed (the reporter step runs anyway: `if: always()`).
      assert.equal(graded.code, 1, graded.stderr);
      const result = reporterReads(output);
      assert.equal(result.version, 1);
      assert.equal(result.status, "fail");
      assert.equal(result.max_score, maxPoints);
      for (const t of result.tests) {
        assert.deepEqual(Object.keys(t).sort(), [
          "duration",
          "filename",
          "line_no",
          "message",
          "name",
          "score",
          "status",
          "test_code",
        ]);
        const id = t.name.slice(0, t.name.indexOf(":"));
        assert.equal(t.status, solved.includes(id) ? "pass" : "fail", t.name);
      }
      // What the reporter records: the sum of the scores out of max_score.
      const total = result.tests.reduce((n, t) => n + t.score, 0);
      assert.equal(Math.round(total * 100) / 100, pointsOf(solved));
      assert.match(summary, /\| mse\\_loss \| ✅ passed/);
      if (secret) {
        assert.match(summary, /nonce/);
        assert.ok(!output.includes(secret) && !summary.includes(secret));
        assert.ok(!atob(output.trim().slice("result=".length)).includes(secret));
      } else {
        assert.match(summary, /seed \d+/);
      }
    }
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
