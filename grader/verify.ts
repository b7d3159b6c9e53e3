/**
 * The catalogue check an instructor (`deno task verify`, `deno task release`) and the kit's own
 * tests rely on: the manifest, the stubs, the solutions and the specs agree; every solution
 * passes on many seeds; every pristine stub is "not started"; every known mistake is caught.
 *
 * Known mistakes live in `solutions/mistakes/<exercise id>/<name>.ts`. Each one is a patch of its
 * solution (`known_mistakes.ts`): a kind label from `mistake_kinds.ts` and the lines a learner
 * wrote differently, beside the solution's lines they replace; its first doc comment line says
 * what the mistake is. The learner's whole file is made from the current solution when the
 * mistake is graded ({@linkcode mistakeSources}), so a patch whose lines the solution no longer
 * has fails the check, naming its file. A mistake whose text holds {@linkcode PLACEHOLDER} (or
 * whose kind is `placeholder`) is a scaffold (`deno task new`) still to be written, and fails too.
 *
 * @module
 */

import { GradingSession, KIT_DIR } from "./grade.ts";
import { applyPatch, asKnownMistake, relocated } from "./known_mistakes.ts";
import { type Exercise, MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { MistakeKind } from "./mistake_kinds.ts";
import { stubStatus } from "./spec.ts";
import type { ExerciseReport, Report } from "./report.ts";

/** A known wrong implementation of an exercise. */
export interface Mistake {
  exercise: Exercise;
  /** File name without `.ts`, e.g. `forgot_mean`. */
  name: string;
  /** Path relative to `solutions/`, e.g. `mistakes/mse_loss/forgot_mean.ts`. */
  file: string;
}

/** The marker of a mistake file that `deno task new` wrote and nobody has written yet. */
export const PLACEHOLDER = "PLACEHOLDER MISTAKE";

/** The line every stub carries: its parameters are unused until the learner writes the body. */
export const STUB_LINT_IGNORE = "// deno-lint-ignore-file no-unused-vars";

/** Fewest known mistakes an exercise may have. */
export const MIN_MISTAKES = 3;
/** Fewest hidden tests an exercise may have. */
export const MIN_TESTS = 4;
/** Shortest hint accepted, in characters: a hint must say something. */
export const MIN_HINT = 21;

/** The known mistakes of `exercises`, from `solutions/mistakes/`. */
export async function listMistakes(
  exercises: readonly Exercise[],
  kitDir = KIT_DIR,
): Promise<Mistake[]> {
  const found: Mistake[] = [];
  for (const exercise of exercises) {
    const dir = `${kitDir}/solutions/mistakes/${exercise.id}`;
    const names: string[] = [];
    try {
      for await (const e of Deno.readDir(dir)) {
        if (e.isFile && e.name.endsWith(".ts")) names.push(e.name.slice(0, -3));
      }
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      found.push({ exercise, name, file: `mistakes/${exercise.id}/${name}.ts` });
    }
  }
  return found;
}

/** The exercises of `mistakes`, each standing for one mistake: id `<id>/<mistake>`. */
function asExercises(mistakes: readonly Mistake[]): Exercise[] {
  return mistakes.map((m) => ({ ...m.exercise, id: `${m.exercise.id}/${m.name}`, file: m.file }));
}

/** A known mistake loaded: its kind and the learner's whole file, made from the solution. */
export interface LoadedMistake {
  kind: MistakeKind;
  /**
   * The learner's file: the current solution with the mistake's patch applied, its relative
   * imports pointing at the solutions (it is meant to sit where the mistake's file is).
   */
  source: string;
}

/**
 * Loads a known mistake: imports its module, checks its kind label and applies its patch to the
 * current solution. Throws `StaleMistake` (from `known_mistakes.ts`) naming the file when the
 * label is missing or unknown, or the solution no longer has the lines the patch replaces.
 */
export async function loadMistake(mistake: Mistake, kitDir = KIT_DIR): Promise<LoadedMistake> {
  const where = `solutions/${mistake.file}`;
  const mod = await import(new URL(`file://${kitDir}/${where}`).href) as { mistake?: unknown };
  const known = asKnownMistake(mod.mistake, where);
  const solution = Deno.readTextFileSync(`${kitDir}/solutions/${mistake.exercise.file}`);
  return { kind: known.kind, source: relocated(applyPatch(solution, known.patch, where)) };
}

/**
 * The learner's file of every mistake, keyed by its path relative to `solutions/` (as
 * {@linkcode Mistake.file}): what is staged in place of the patch when the mistakes are graded.
 */
export async function mistakeSources(
  mistakes: readonly Mistake[],
  kitDir = KIT_DIR,
): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  for (const m of mistakes) sources[m.file] = (await loadMistake(m, kitDir)).source;
  return sources;
}

/**
 * Grades every mistake in one run over `solutions/` (each mistake's learner file, made from its
 * patch, stands in as its exercise's file) and returns the report; an exercise id in it reads
 * `<id>/<mistake>`. Throws when a mistake cannot be loaded ({@linkcode loadMistake}).
 */
export async function gradeMistakes(
  mistakes: readonly Mistake[],
  seed: number,
  kitDir = KIT_DIR,
): Promise<Report> {
  const session = await GradingSession.open({
    dir: `${kitDir}/solutions`,
    extraFiles: await mistakeSources(mistakes, kitDir),
  });
  try {
    return await session.grade({ seed, exercises: asExercises(mistakes) });
  } finally {
    await session.close();
  }
}

/** Reads a text file, or undefined when it is not there. */
function readText(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

/** The names of the functions a module exports (imported here, in the trusted process). */
async function exportedFunctions(path: string): Promise<string[]> {
  const mod = await import(new URL(`file://${path}`).href) as Record<string, unknown>;
  return Object.keys(mod).filter((k) => typeof mod[k] === "function").sort();
}

/**
 * What is wrong with the course's static shape, one line per problem (none: an empty list):
 * the manifest's fields, the spec of every entry (id, at least {@linkcode MIN_TESTS} uniquely
 * named tests, exports, a hint), the file names, the pristine stub (there, with its lint-ignore
 * line and a `todo(`), the solution's exports the stub's, at least {@linkcode MIN_MISTAKES}
 * known mistakes, none a placeholder; with `workingCopy`, also the instructor's `exercises/`
 * identical to the stubs (`deno task verify` and the release ask for it; the kit's tests do not:
 * they must pass in a clone where someone has worked on `exercises/`).
 */
export async function checkCourse(
  exercises: readonly Exercise[] = MANIFEST,
  kitDir = KIT_DIR,
  options: { workingCopy?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const ids = new Set<string>();
  const files = new Set<string>();
  const mistakes = await listMistakes(exercises, kitDir);
  for (const e of exercises) {
    const say = (what: string) => problems.push(`${e.id}: ${what}`);
    if (!/^[a-z][a-z0-9_]*$/.test(e.id)) say(`the id must be snake_case (a-z, 0-9, _)`);
    if (ids.has(e.id)) say(`a second manifest entry with this id`);
    ids.add(e.id);
    if (files.has(e.file)) say(`a second manifest entry with the file ${e.file}`);
    files.add(e.file);
    if (!new RegExp(`^(\\d+_)?${e.id}\\.ts$`).test(e.file)) {
      say(`the file ${e.file} must be named <id>.ts or NN_<id>.ts (${e.id}.ts)`);
    }
    if (!e.title?.trim()) say(`no title`);
    if (!e.concept?.trim()) say(`no concept`);
    if (!(Number.isFinite(e.points) && e.points > 0)) say(`points must be above 0 (${e.points})`);
    const spec = e.spec;
    if (spec.id !== e.id) say(`the spec's id is "${spec.id}"`);
    if (spec.tests.length < MIN_TESTS) {
      say(`${spec.tests.length} tests; at least ${MIN_TESTS} are needed`);
    }
    const names = spec.tests.map((t) => t.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
      say(`two tests are named "${name}"`);
    }
    if (spec.exports.length === 0) say(`the spec lists no exports`);
    if (spec.hint.trim().length < MIN_HINT) {
      say(`the hint is too short (${spec.hint.trim().length} characters; at least ${MIN_HINT})`);
    }

    const stubPath = `${kitDir}/${STUBS_DIR}/${e.file}`;
    const stub = readText(stubPath);
    if (stub === undefined) {
      say(`no stub ${STUBS_DIR}/${e.file}`);
    } else {
      if (spec.stub === "broken") {
        if (stub.includes("todo(")) say(`the broken stub of a clinic calls todo(...)`);
      } else {
        if (!stub.includes(STUB_LINT_IGNORE)) say(`the stub lacks the line ${STUB_LINT_IGNORE}`);
        if (!stub.includes("todo(")) say(`the stub calls no todo(...)`);
      }
      const working = options.workingCopy ? readText(`${kitDir}/exercises/${e.file}`) : stub;
      if (working !== stub) {
        say(
          working === undefined
            ? `exercises/${e.file} is not there (the kit's exercises/ holds the stubs)`
            : `exercises/${e.file} differs from ${STUBS_DIR}/${e.file} (the kit's exercises/ ` +
              `holds the stubs: copy one onto the other)`,
        );
      }
    }
    const solutionPath = `${kitDir}/solutions/${e.file}`;
    const solution = readText(solutionPath);
    if (solution === undefined) say(`no solution solutions/${e.file}`);
    if (stub !== undefined && solution !== undefined) {
      try {
        const stubbed = await exportedFunctions(stubPath);
        const solved = await exportedFunctions(solutionPath);
        const missing = spec.exports.filter((n) => !stubbed.includes(n));
        if (missing.length) say(`the stub does not export ${missing.join(", ")}`);
        if (stubbed.join() !== solved.join()) {
          say(`the stub exports ${stubbed.join(", ")}; the solution ${solved.join(", ")}`);
        }
      } catch (err) {
        say(`the stub or the solution does not load: ${(err as Error).message.split("\n")[0]}`);
      }
    }
    const own = mistakes.filter((m) => m.exercise === e);
    if (own.length < MIN_MISTAKES) {
      say(`${own.length} known mistakes in solutions/mistakes/${e.id}/; at least ${MIN_MISTAKES}`);
    }
    for (const m of own) {
      const text = readText(`${kitDir}/solutions/${m.file}`) ?? "";
      if (text.includes(PLACEHOLDER)) {
        say(`the mistake ${m.name} is a placeholder: write it`);
        continue;
      }
      if (!/^\s*\/\*\*\s*\n?\s*\*?\s*\S/.test(text)) {
        say(`the mistake ${m.name} has no doc comment saying what it is`);
      }
      try {
        const { kind } = await loadMistake(m, kitDir);
        if (kind === "placeholder") say(`the mistake ${m.name} is a placeholder: write it`);
      } catch (err) {
        say(`the mistake ${m.name}: ${(err as Error).message}`);
      }
    }
  }
  return problems;
}

/** What a learner would read for a graded exercise: its message, else its failing tests'. */
export function learnerMessage(e: ExerciseReport): string {
  const lines = e.message ? [e.message] : [];
  for (const t of e.tests) {
    if (t.status !== "passed" && t.status !== "not_run" && t.message) {
      lines.push(`${t.name}: ${t.message}`);
    }
  }
  return lines.join("\n");
}

/** One line per exercise that is not in `want`, with what the learner would read. */
function unexpected(report: Report, want: ExerciseReport["status"], what: string): string[] {
  return report.exercises.filter((e) => e.status !== want).map((e) =>
    `${e.id}: ${what} is ${e.status}, not ${want}${
      learnerMessage(e) ? `\n    ${learnerMessage(e).split("\n").join("\n    ")}` : ""
    }`
  );
}

/** A graded known mistake and what the learner would read. */
export interface GradedMistake {
  mistake: Mistake;
  /** Its kind label, from `mistake_kinds.ts`. */
  kind: MistakeKind;
  /** Its doc comment's first line: what the mistake is. */
  about: string;
  status: ExerciseReport["status"];
  message: string;
}

/** What {@linkcode verifyCourse} found. */
export interface Verification {
  /** Every problem, one line each; none when the course is sound. */
  problems: string[];
  /** Every known mistake as graded with the first seed. */
  mistakes: GradedMistake[];
}

/** Options of {@linkcode verifyCourse}. */
export interface VerifyOptions {
  /** The exercises to verify (default: the whole manifest). */
  exercises?: readonly Exercise[];
  /** The seeds the solutions are graded with (and the first ones the mistakes with). */
  seeds?: readonly number[];
  /** How many of `seeds` the mistakes are graded with (default 2). */
  mistakeSeeds?: number;
  kitDir?: string;
  /** Also check that the kit's `exercises/` holds the stubs (see {@linkcode checkCourse}). */
  workingCopy?: boolean;
}

function firstDocLine(text: string): string {
  const m = /\/\*\*\s*\n?\s*\*?\s*([^\n]*)/.exec(text);
  return m ? m[1].replace(/\*\/\s*$/, "").trim() : "";
}

/**
 * The catalogue check: {@linkcode checkCourse}, then (when it found nothing) the solutions
 * graded with every seed, the pristine stubs (`not_started`, a clinic's broken one `failed`) and the known mistakes (all
 * `failed`, with what the learner would read). One warm sandbox for each folder.
 */
export async function verifyCourse(options: VerifyOptions = {}): Promise<Verification> {
  const exercises = options.exercises ?? MANIFEST;
  const kitDir = options.kitDir ?? KIT_DIR;
  const seeds = options.seeds ?? [1, 2, 3, 4, 5, 6, 7, 20261125];
  const problems = await checkCourse(exercises, kitDir, { workingCopy: options.workingCopy });
  if (problems.length > 0) return { problems, mistakes: [] };

  const solutions = await GradingSession.open({ dir: `${kitDir}/solutions` });
  try {
    for (const seed of seeds) {
      const report = await solutions.grade({ seed, exercises });
      problems.push(...unexpected(report, "passed", `the solution (seed ${seed})`));
    }
  } finally {
    await solutions.close();
  }

  const stubs = await GradingSession.open({ dir: `${kitDir}/${STUBS_DIR}` });
  try {
    const report = await stubs.grade({ seed: seeds[0], exercises });
    for (const status of ["not_started", "failed"] as const) {
      const ones = report.exercises.filter((e) =>
        stubStatus(exercises.find((x) => x.id === e.id)!.spec) === status
      );
      problems.push(...unexpected({ ...report, exercises: ones }, status, "the stub"));
    }
  } finally {
    await stubs.close();
  }

  const known = await listMistakes(exercises, kitDir);
  const loaded = await Promise.all(known.map((m) => loadMistake(m, kitDir)));
  const graded: GradedMistake[] = [];
  const session = await GradingSession.open({
    dir: `${kitDir}/solutions`,
    extraFiles: Object.fromEntries(known.map((m, i) => [m.file, loaded[i].source])),
  });
  try {
    const count = Math.max(1, Math.min(options.mistakeSeeds ?? 2, seeds.length));
    for (const seed of seeds.slice(0, count)) {
      const report = await session.grade({ seed, exercises: asExercises(known) });
      problems.push(...unexpected(report, "failed", `the known mistake (seed ${seed})`));
      if (graded.length > 0) continue;
      report.exercises.forEach((e, i) => {
        const text = readText(`${kitDir}/solutions/${known[i].file}`) ?? "";
        graded.push({
          mistake: known[i],
          kind: loaded[i].kind,
          about: firstDocLine(text),
          status: e.status,
          message: learnerMessage(e),
        });
      });
    }
  } finally {
    await session.close();
  }
  return { problems, mistakes: graded };
}
