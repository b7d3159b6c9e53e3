/**
 * Replaying one failing case (see `shrink.ts`): under a public seed by the command a failure
 * prints (`./deno task grade ID --seed S --test N --sizes N=2,K=1`: the test's own generator,
 * drawn at those sizes), under secret inputs from a case file the run wrote
 * (`./deno task grade --case FILE`), which holds the case's inputs and nothing else: no seed,
 * no nonce, nothing derived from the secret but the inputs themselves.
 *
 * @module
 */

import { Matrix, Rng } from "@gradkit/lib";
import type { Exercise } from "./manifest.ts";
import type { CaseInputs, Sizes, TestCase } from "./spec.ts";
import { CheckFailure } from "./spec.ts";
import type { CaseValue, FailingCase, Report } from "./report.ts";
import { shellWord, UsageError } from "./cli_options.ts";
import { sizesOf } from "./specs/_sized.ts";
import {
  caseValue,
  copyInputs,
  failingCase,
  recording,
  sizesArg,
  sizesProblem,
  wholeValue,
} from "./shrink.ts";

/** One case to replay: an exercise's test, at some sizes or on given inputs. */
export interface CaseReplay {
  exerciseId: string;
  /** The test's number in its exercise, from 1. */
  test: number;
  testName: string;
  /** The sizes to draw the inputs at (default: the test's own). */
  sizes?: Sizes;
  /** The inputs (from a case file): nothing is drawn. */
  inputs?: CaseInputs;
}

/** What a case file says it is. */
const CASE_FORMAT = "gradkit case";
/** The version of the case file's shape. */
const CASE_VERSION = 1;
/** The largest case file read, in bytes. */
const MAX_CASE_FILE = 1 << 20;

/** Reads `--sizes N=2,K=1`. Throws {@linkcode UsageError}. */
export function parseSizes(text: string): Sizes {
  const sizes: Sizes = {};
  for (const part of text.split(",")) {
    const m = /^\s*([A-Za-z]\w{0,15})\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!m) {
      throw new UsageError(
        `--sizes takes NAME=NUMBER pairs separated by commas (N=2,K=1), got "${text}"`,
      );
    }
    sizes[m[1]] = Number(m[2]);
  }
  return sizes;
}

/** The test number `test` (from 1) of `exercise`, which must have a sized form when `sized`. */
function testOf(exercise: Exercise, test: number, what: string): TestCase {
  const tests = exercise.spec.tests;
  const t = tests[test - 1];
  if (!Number.isInteger(test) || t === undefined) {
    throw new UsageError(
      `${what}: ${exercise.id} has tests 1 to ${tests.length}, not ${test}`,
    );
  }
  return t;
}

/**
 * The replay `--test N` and `--sizes` ask for, checked against the exercise's spec. Throws
 * {@linkcode UsageError} naming what is wrong.
 */
export function replayOf(exercise: Exercise, testText: string, sizesText?: string): CaseReplay {
  if (!/^\d{1,4}$/.test(testText)) {
    throw new UsageError(`--test needs a test's number (1, 2, …), got "${testText}"`);
  }
  const test = testOf(exercise, Number(testText), "--test");
  const replay: CaseReplay = {
    exerciseId: exercise.id,
    test: Number(testText),
    testName: test.name,
  };
  if (sizesText === undefined) return replay;
  if (!test.sized) {
    throw new UsageError(
      `--sizes: test ${testText} of ${exercise.id} ("${test.name}") has no sizes to change`,
    );
  }
  const sizes = parseSizes(sizesText);
  const names = Object.keys(test.sized.min);
  const missing = names.filter((n) => !(n in sizes));
  const problem = missing.length > 0
    ? `it needs every size: ${names.join(", ")} (missing ${missing.join(", ")})`
    : sizesProblem(test.sized, sizes);
  if (problem) {
    throw new UsageError(`--sizes ${sizesText} for ${exercise.id} test ${testText}: ${problem}`);
  }
  return { ...replay, sizes };
}

/** The command that replays a case under a public seed, as typed at the kit's folder. */
export function caseCommand(
  o: { id: string; dir: string; seed: number; test: number; sizes: Sizes },
): string {
  return [
    "./deno task grade",
    shellWord(o.id),
    "--seed",
    String(o.seed),
    "--test",
    String(o.test),
    "--sizes",
    sizesArg(o.sizes),
    ...(o.dir === "exercises" ? [] : ["--dir", shellWord(o.dir)]),
  ].join(" ");
}

/**
 * The hidden test that replays `replay` in place of the exercise's tests, and a function that
 * gives, after it ran, the case it failed on (undefined when it passed or did not reach a check).
 */
export function replayTest(
  test: TestCase,
  replay: CaseReplay,
): { test: TestCase; shown(): FailingCase | undefined } {
  let shown: FailingCase | undefined;
  const sized = test.sized;
  if (!sized) return { test, shown: () => undefined };
  return {
    test: {
      name: test.name,
      async run(t) {
        const own = sizesOf(sized, t.rng);
        const sizes = replay.sizes ?? own;
        const inputs = replay.inputs ? copyInputs(replay.inputs) : sized.draw(t.rng, sizes);
        const kept = copyInputs(inputs);
        const { context, compared } = recording(t);
        try {
          await sized.check(context, inputs, sizes);
        } catch (e) {
          if (e instanceof CheckFailure) {
            shown = failingCase({
              test: replay.test,
              sizes,
              from: replay.inputs ? sizes : own,
              inputs: kept,
              failure: e,
              compared,
            });
          }
          throw e;
        }
      },
    },
    shown: () => shown,
  };
}

/** A case file that cannot be replayed: not one, damaged, or for another version of the kit. */
export class BadCaseFile extends UsageError {
  constructor(path: string, why: string) {
    super(`--case ${path}: ${why}`);
    this.name = "BadCaseFile";
  }
}

/** The text of a case file: the exercise, the test, the sizes and the inputs whole. */
export function caseFileText(exerciseId: string, testName: string, c: FailingCase): string {
  return JSON.stringify(
    {
      format: CASE_FORMAT,
      version: CASE_VERSION,
      exercise: exerciseId,
      test: c.test,
      testName,
      sizes: c.sizes,
      inputs: c.inputs,
    },
    null,
    2,
  ) + "\n";
}

/** A value of a case file as the test takes it, or why it cannot be. */
function inputValue(
  v: CaseValue,
  like: CaseValue,
): Matrix | Float64Array | Int32Array | number | string {
  if (v.type !== like.type) return `is a ${v.type}, the test takes a ${like.type}`;
  if (
    !Array.isArray(v.shape) || v.shape.length !== like.shape.length ||
    v.shape.some((d, i) => d !== like.shape[i])
  ) {
    return `has the shape [${v.shape}], the test draws [${like.shape}] at these sizes`;
  }
  const count = like.shape.reduce((a, b) => a * b, 1);
  if (!Array.isArray(v.values) || v.values.length !== count) {
    return `needs ${count} values`;
  }
  if (!v.values.every((x) => typeof x === "number" && Number.isFinite(x))) {
    return "holds a value that is not a finite number";
  }
  switch (v.type) {
    case "number":
      return v.values[0];
    case "Matrix":
      return new Matrix(v.shape[0], v.shape[1], Float64Array.from(v.values));
    case "Float64Array":
      return Float64Array.from(v.values);
    case "Int32Array":
      if (!v.values.every((x) => Number.isInteger(x) && Math.abs(x) < 2 ** 31)) {
        return "holds a value that is not a whole number";
      }
      return Int32Array.from(v.values);
  }
}

/**
 * Reads and checks a case file against the course: the format, an exercise of `exercises` by
 * id, its test by number and name, allowed sizes, and inputs of the names, kinds and shapes the
 * test draws at those sizes, which the test's own `validate` accepts (labels in range). Throws
 * {@linkcode BadCaseFile} saying what is wrong.
 */
export function readCaseFile(path: string, exercises: readonly Exercise[]): CaseReplay {
  const bad = (why: string) => new BadCaseFile(path, why);
  let text: string;
  try {
    const info = Deno.statSync(path);
    if (!info.isFile) throw bad("not a file");
    if (info.size > MAX_CASE_FILE) throw bad(`${info.size} bytes: too large for a case file`);
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof BadCaseFile) throw e;
    throw bad(`cannot be read (${(e as Error).message})`);
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad("not a case file (not JSON); give the file a failing run wrote");
  }
  if (data === null || typeof data !== "object" || data.format !== CASE_FORMAT) {
    throw bad(`not a case file (no "format": "${CASE_FORMAT}"); give the file a failing run wrote`);
  }
  if (data.version !== CASE_VERSION) {
    throw bad(`a case file of version ${data.version}, this kit reads version ${CASE_VERSION}`);
  }
  const exercise = exercises.find((e) => e.id === data.exercise);
  if (!exercise) throw bad(`the exercise "${String(data.exercise)}" is not in this course`);
  const test = testOf(exercise, Number(data.test), `--case ${path}`);
  if (test.name !== data.testName) {
    throw bad(
      `test ${data.test} of ${exercise.id} is now "${test.name}", the file's is ` +
        `"${String(data.testName)}" (written by another version of the kit)`,
    );
  }
  if (!test.sized) throw bad(`test ${data.test} of ${exercise.id} cannot be replayed from a file`);
  const sizes = data.sizes as Sizes;
  const names = Object.keys(test.sized.min);
  if (
    sizes === null || typeof sizes !== "object" || names.some((n) => !(n in sizes)) ||
    sizesProblem(test.sized, sizes)
  ) {
    throw bad(
      `its sizes are not allowed for this test (${
        sizesProblem(test.sized, sizes ?? {}) ?? `it needs ${names.join(", ")}`
      })`,
    );
  }
  // What the test draws at these sizes: the names, kinds and shapes the inputs must have.
  const drawn = test.sized.draw(new Rng(0), sizes);
  const given = Array.isArray(data.inputs) ? data.inputs as CaseValue[] : [];
  const inputs: CaseInputs = {};
  for (const [name, value] of Object.entries(drawn)) {
    const like = caseValue(name, value);
    const v = given.find((g) => g?.name === name);
    if (!v) throw bad(`it has no input "${name}"`);
    const read = inputValue(v, { ...like, values: [] });
    if (typeof read === "string") throw bad(`its input "${name}" ${read}`);
    inputs[name] = read;
  }
  if (given.length !== Object.keys(drawn).length) {
    throw bad(`it has inputs the test does not take (${given.map((g) => g?.name).join(", ")})`);
  }
  const invalid = test.sized.validate?.(inputs, sizes);
  if (invalid) throw bad(`its inputs are not ones the test draws: ${invalid}`);
  return { exerciseId: exercise.id, test: Number(data.test), testName: test.name, sizes, inputs };
}

/** Where the run writes case files, relative to the kit's folder. */
export const CASES_DIR = ".cache/cases";

/**
 * Under secret inputs, writes each shown case whose inputs are whole to
 * `<kitDir>/.cache/cases/<exercise>-test<N>.json` and points the case at it (`file`, and a
 * `replay` command that reads it). Returns the problems met (a file not written).
 */
export function writeCaseFiles(report: Report, kitDir: string): string[] {
  if (report.inputs !== "secret") return [];
  const problems: string[] = [];
  for (const e of report.exercises) {
    for (const t of e.tests) {
      const c = t.case;
      if (!c || !c.inputs.every(wholeValue)) continue;
      const file = `${CASES_DIR}/${e.id.replaceAll(/[^\w.-]/g, "-")}-test${c.test}.json`;
      try {
        Deno.mkdirSync(`${kitDir}/${CASES_DIR}`, { recursive: true });
        Deno.writeTextFileSync(`${kitDir}/${file}`, caseFileText(e.id, t.name, c));
        c.file = file;
        c.replay = `./deno task grade --case ${file}` +
          (report.dir === "exercises" ? "" : ` --dir ${shellWord(report.dir)}`);
      } catch (err) {
        problems.push(`could not write the case file ${file}: ${(err as Error).message}`);
      }
    }
  }
  return problems;
}

/**
 * The case a command line asks to replay, if any: `--case FILE` (alone: the file names its
 * exercise), or `--test N` with one exercise (and `--sizes`). `named` finds an exercise by any
 * of its names; `exercises` is the course. Throws {@linkcode UsageError}.
 */
export function replayFromOptions(
  v: { case?: string; test?: string; sizes?: string; watch?: boolean; list?: boolean },
  positionals: readonly string[],
  named: (name: string) => Exercise,
  exercises: readonly Exercise[],
): CaseReplay | undefined {
  const asked = v.case !== undefined ? "--case" : v.test !== undefined ? "--test" : undefined;
  if (asked === undefined) {
    if (v.sizes !== undefined) throw new UsageError("--sizes goes with --test N (which test)");
    return undefined;
  }
  if (v.watch || v.list) throw new UsageError(`${asked} replays one case: no --watch, no --list`);
  if (v.case !== undefined) {
    if (v.test !== undefined || v.sizes !== undefined || positionals.length > 0) {
      throw new UsageError(
        "--case FILE replays the case the file holds: give no exercise, --test or --sizes with it",
      );
    }
    return readCaseFile(v.case, exercises);
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `--test replays a test of one exercise: name exactly one (got ${positionals.length})`,
    );
  }
  return replayOf(named(positionals[0]), v.test!, v.sizes);
}
