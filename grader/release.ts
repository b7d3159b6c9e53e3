/**
 * `deno task release <dir>`: writes the learner's copy of the kit into a new folder: the
 * pristine stubs as `exercises/`, `lib/`, the grader, the learner's README, `deno.json` with the
 * learner's tasks, the pinned Deno's launcher and lock files, CI, and no solutions, no known
 * mistakes, no benchmarks (whose fixture implements an exercise).
 *
 * Which files go is decided by rule, not by a list (see {@linkcode planRelease}): every file of
 * the source folders ships unless it lies in an instructor-only folder, or its code names the
 * `solutions/` folder, or it imports (at any depth) a file that does not ship. What local
 * grading needs (the specs and their reference forwards, the capstone's reference trainer, the
 * hints) ships with the grader.
 *
 * The release refuses to run while the catalogue check (`verify.ts`) finds a problem.
 *
 * @module
 */

import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import { verifyCourse } from "./verify.ts";

/**
 * What never ships, folders and files: the answers, the benchmarks (their fixture solves an
 * exercise), the instructors' documents and autograding set-ups, and the instructors' commands
 * (grading a class, verifying the catalogue, releasing, scaffolding, known mistakes).
 */
export const INSTRUCTOR_ONLY = [
  "solutions",
  "grader/bench",
  "docs",
  "autograding",
  "grader/class",
  "grader/verify.ts",
  "grader/verify_cli.ts",
  "grader/release.ts",
  "grader/new_exercise.ts",
  "grader/known_mistakes.ts",
  "grader/mistake_kinds.ts",
];
/** The folders whose files ship by the rule. */
export const SOURCE_DIRS = ["lib", "grader"];
/** Files that ship as they are: the pinned Deno (launcher, npm manifest, lock), CI, git. */
export const SUPPORT_FILES = [
  "deno",
  "deno.lock",
  ".gitignore",
  ".ci/run",
  ".tools/package.json",
  ".tools/package-lock.json",
  ".vscode/settings.json",
];
/** The tasks of the learner's `deno.json`. */
export const LEARNER_TASKS = ["grade", "watch", "list", "hint", "reset", "test"];
/**
 * The learner's README: the kit's own, without its last section ("## More", which links the
 * instructors' and maintainers' documents that a learner's copy does not hold).
 */
export function learnerReadme(readme: string): string {
  const more = readme.lastIndexOf("\n## More\n");
  return more < 0 ? readme : `${readme.slice(0, more).trimEnd()}\n`;
}

/** A file of the kit that stays behind, and why. */
export interface LeftBehind {
  path: string;
  why: string;
}

/** What a release writes: files copied as they are, and what stays behind. */
export interface ReleasePlan {
  /** Paths relative to the kit, copied to the same place in the copy. */
  copy: string[];
  /** Source files that do not ship, with the reason. */
  left: LeftBehind[];
}

function walk(root: string, rel: string, out: string[]): void {
  for (const e of Deno.readDirSync(`${root}/${rel}`)) {
    const path = `${rel}/${e.name}`;
    if (e.isDirectory) walk(root, path, out);
    else if (e.isFile) out.push(path);
  }
}

/** The code of a module with its comments taken out (a line comment after `:` is kept: URLs). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

/** Whether a module's code names the `solutions/` folder (a path into it). */
function namesSolutions(source: string): boolean {
  return /\/solutions\b|["'`]solutions\//.test(code(source));
}

/** The kit-relative paths a module imports with relative specifiers. */
function relativeImports(path: string, source: string): string[] {
  const dir = path.slice(0, path.lastIndexOf("/"));
  const found: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+)["']/g;
  for (const m of code(source).matchAll(re)) {
    const parts = `${dir}/${m[1]}`.split("/");
    const out: string[] = [];
    for (const p of parts) {
      if (p === "..") out.pop();
      else if (p !== ".") out.push(p);
    }
    found.push(out.join("/"));
  }
  return found;
}

/**
 * The files of the kit that ship, by rule: every file of {@linkcode SOURCE_DIRS} except those
 * under {@linkcode INSTRUCTOR_ONLY}, tests whose code names the `solutions/` folder, and
 * modules that import (at any depth) a file that does not ship; plus
 * {@linkcode SUPPORT_FILES}. The stubs (`grader/stubs/`) ship with the grader and again as
 * `exercises/`; `README.md` and `deno.json` are written, not copied.
 */
export function planRelease(kitDir = KIT_DIR): ReleasePlan {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) walk(kitDir, dir, files);
  const left = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const f of files) {
    const root = INSTRUCTOR_ONLY.find((d) => f === d || f.startsWith(`${d}/`));
    if (root) {
      left.set(
        f,
        root === f ? "the instructor's own command" : `in ${root}/, which is the instructor's`,
      );
    } else if (f.endsWith(".ts")) {
      const source = Deno.readTextFileSync(`${kitDir}/${f}`);
      sources.set(f, source);
      // Only a test can need the answers to run: the grader's own modules may name the folder
      // (staging refuses files from it) and work the same where it is absent.
      if (f.endsWith("_test.ts") && namesSolutions(source)) {
        left.set(f, "reads the solutions/ folder");
      }
    }
  }
  // Whatever imports a file that stays behind stays too, until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, source] of sources) {
      if (left.has(f)) continue;
      const gone = relativeImports(f, source).find((i) => left.has(i));
      if (gone) {
        left.set(f, `imports ${gone}, which stays behind`);
        changed = true;
      }
    }
  }
  const copy = files.filter((f) => !left.has(f)).concat(SUPPORT_FILES).sort();
  return {
    copy,
    left: [...left].map(([path, why]) => ({ path, why })).sort((a, b) => a.path < b.path ? -1 : 1),
  };
}

/** Whether a task's word names an instructor-only path (`solutions/`, or a quoted glob in it). */
function namesInstructorOnly(word: string): boolean {
  const path = word.replace(/^['"]|['"]$/g, "").replace(/\/$/, "");
  return INSTRUCTOR_ONLY.some((only) => path === only || path.startsWith(`${only}/`));
}

/** The learner's `deno.json`: the kit's, with only {@linkcode LEARNER_TASKS}, none naming an instructor-only folder. */
export function learnerConfig(kitConfig: string): string {
  const config = JSON.parse(kitConfig);
  const tasks: Record<string, string> = {};
  for (const name of LEARNER_TASKS) {
    tasks[name] = (config.tasks[name] as string).split(" ")
      .filter((word) => !namesInstructorOnly(word)).join(" ");
  }
  config.tasks = tasks;
  return JSON.stringify(config, null, 2) + "\n";
}

/** The release cannot be written (a usage error or a failed check); the message says why. */
export class ReleaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReleaseRefused";
  }
}

/** Options of {@linkcode release}. */
export interface ReleaseOptions {
  /** The folder to write: absent or empty. */
  dest: string;
  kitDir?: string;
  /** Run the catalogue check first (default true; the kit's tests run it on their own). */
  check?: boolean;
}

/**
 * Writes the learner's copy of the kit into `options.dest` (see the module's doc) and returns
 * the plan it followed. Throws {@linkcode ReleaseRefused} when the folder is not empty, lies in
 * the kit, or the catalogue check finds a problem.
 */
export async function release(options: ReleaseOptions): Promise<ReleasePlan> {
  const kitDir = options.kitDir ?? KIT_DIR;
  const dest = options.dest.replace(/\/+$/, "") || "/";
  let entries: Deno.DirEntry[] = [];
  try {
    entries = [...Deno.readDirSync(dest)];
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) {
      throw new ReleaseRefused(`${dest} is not a folder the release can write (${e})`);
    }
  }
  if (entries.length > 0) {
    throw new ReleaseRefused(`${dest} is not empty: give a new folder (or an empty one)`);
  }
  await Deno.mkdir(dest, { recursive: true });
  const real = Deno.realPathSync(dest);
  if (real === kitDir || real.startsWith(`${Deno.realPathSync(kitDir)}/`)) {
    await Deno.remove(dest);
    throw new ReleaseRefused(`${dest} is inside the kit: give a folder outside it`);
  }
  try {
    if (options.check ?? true) {
      const v = await verifyCourse({ kitDir, seeds: [1, 2, 3], workingCopy: true });
      if (v.problems.length > 0) {
        throw new ReleaseRefused(
          `the catalogue check failed (deno task verify says more), nothing written:\n` +
            v.problems.map((p) => `  ✗ ${p}`).join("\n"),
        );
      }
    }
    const plan = planRelease(kitDir);
    const put = async (path: string, from: string) => {
      const to = `${dest}/${path}`;
      await Deno.mkdir(to.slice(0, to.lastIndexOf("/")), { recursive: true });
      await Deno.copyFile(from, to);
    };
    for (const f of plan.copy) await put(f, `${kitDir}/${f}`);
    await Deno.mkdir(`${dest}/exercises`, { recursive: true });
    for (const e of MANIFEST) await put(`exercises/${e.file}`, `${kitDir}/${STUBS_DIR}/${e.file}`);
    await Deno.writeTextFile(
      `${dest}/README.md`,
      learnerReadme(await Deno.readTextFile(`${kitDir}/README.md`)),
    );
    await Deno.writeTextFile(
      `${dest}/deno.json`,
      learnerConfig(await Deno.readTextFile(`${kitDir}/deno.json`)),
    );
    return plan;
  } catch (e) {
    if (Deno.readDirSync(dest)[Symbol.iterator]().next().done !== true) {
      // Half a copy is worse than none.
      await Deno.remove(dest, { recursive: true });
      await Deno.mkdir(dest);
    }
    throw e;
  }
}

const USAGE = `Usage: deno task release <dir>

Writes the learner's copy of the kit into <dir> (new, or empty): exercises (the stubs), lib, the
grader, a learner's README, deno.json with the tasks grade and test, the pinned Deno's launcher,
CI; no solutions, no known mistakes, no benchmarks. Refuses while deno task verify fails.`;

/** Runs the command; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(
      `give one folder to write${args.length ? ` (got ${args.join(" ")})` : ""}\n\n${USAGE}`,
    );
    return 2;
  }
  // `deno task` runs in the kit's folder; a relative path means the caller's.
  const cwd = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  const dest = args[0].startsWith("/") ? args[0] : `${cwd}/${args[0]}`;
  try {
    const plan = await release({ dest });
    console.log(
      `released to ${args[0]}: ${plan.copy.length + MANIFEST.length + 2} files ` +
        `(${MANIFEST.length} exercises); left behind:`,
    );
    for (const l of plan.left) console.log(`  ${l.path}: ${l.why}`);
    console.log(`next: cd ${args[0]} && git init && git add -A && git commit -m "gradkit"`);
    return 0;
  } catch (e) {
    if (e instanceof ReleaseRefused) {
      console.error(`release refused: ${e.message}`);
      return e.message.startsWith("the catalogue") ? 1 : 2;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
