/**
 * What the tests of the CI examples share: a learner's copy of the kit (`deno task release`,
 * without the catalogue check, which the kit's own tests run) that can run `./deno` at once,
 * and a learner's repository with some exercises solved.
 *
 * @module
 */

import { KIT_DIR } from "../grader/grade.ts";
import { MANIFEST } from "../grader/manifest.ts";
import { release } from "../grader/release.ts";

/**
 * Writes a learner's copy of the kit to `dest`, as an instructor publishes it, and links the
 * kit's installed Deno into it (a fresh machine installs it from npm on first use: slow, and
 * not what these tests are about).
 */
export async function learnerCopy(dest: string): Promise<void> {
  await release({ dest, check: false });
  await linkDeno(dest);
}

/** Links the kit's installed Deno (`.tools/node_modules`) into the copy of the kit at `dir`. */
export async function linkDeno(dir: string): Promise<void> {
  await Deno.mkdir(`${dir}/.tools`, { recursive: true });
  await Deno.symlink(
    Deno.realPathSync(`${KIT_DIR}/.tools/node_modules`),
    `${dir}/.tools/node_modules`,
  );
}

/** The exercise file of an id. */
export function fileOf(id: string): string {
  const e = MANIFEST.find((e) => e.id === id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e.file;
}

/**
 * Removes from the folder `exercises` the broken stubs of the debugging clinics (their code is
 * complete, so some of their tests pass before any fix): the exercises not solved then score 0,
 * graded `not_started` like every stub to fill in.
 */
export async function setAsideClinics(exercises: string): Promise<void> {
  for (const e of MANIFEST) {
    if (e.spec.stub === "broken") await Deno.remove(`${exercises}/${e.file}`);
  }
}

/** Copies the kit's solution of each of `ids` into the folder `exercises`. */
export async function solve(exercises: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await Deno.copyFile(`${KIT_DIR}/solutions/${fileOf(id)}`, `${exercises}/${fileOf(id)}`);
  }
}

/**
 * Rewrites a learner's repository's own grader so that everything would pass if it graded:
 * every spec emptied of its tests, and its tasks replaced. A grader that takes only exercise
 * files from the repository grades it as if untouched.
 */
export async function tamper(repo: string): Promise<void> {
  for (const e of MANIFEST) {
    await Deno.writeTextFile(
      `${repo}/grader/specs/${e.id}.ts`,
      `export const spec = { id: "${e.id}", exports: [], hint: "", tests: [] };\n`,
    );
  }
  await Deno.writeTextFile(
    `${repo}/deno.json`,
    JSON.stringify({ tasks: { grade: "echo 160/160 points", test: "true" } }),
  );
}

/** The sum of the points of `ids`. */
export function pointsOf(ids: readonly string[]): number {
  return ids.reduce((n, id) => n + MANIFEST.find((e) => e.id === id)!.points, 0);
}

/** Runs a command; its exit status and what it printed (standard output and error apart). */
export async function run(
  command: string,
  options: { args?: string[]; cwd: string; env: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(command, {
    args: options.args ?? [],
    cwd: options.cwd,
    env: options.env,
    clearEnv: true,
    stdin: "null",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** The environment a CI machine starts a script with: a PATH and a HOME, nothing else. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const name of ["PATH", "HOME", "DENO_DIR", "XDG_CACHE_HOME", "TMPDIR"]) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}
