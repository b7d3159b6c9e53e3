/**
 * The command line `deno task grade [ID...] [options]`: grades the exercises, prints the report
 * in one format and writes it to files in others (see `outputs.ts`). Exit status: 0 when every
 * graded exercise passed, 1 otherwise, 2 on a usage error, 3 when an output file could not be
 * written.
 * Its entry point is `main.ts`, which starts the sandboxes before loading this module.
 *
 * @module
 */

import {
  commandArgs,
  type GradeArgs,
  limitsOf,
  parseGradeArgs,
  positiveNumber,
  replayCommand,
  SECRET_MIN_DIGITS,
  seedChoice,
  shellWord,
  UsageError,
} from "./cli_options.ts";
import { gradeBeforeExit, MissingPermission, NoSuchFolder } from "./grade.ts";
import { DEFAULT_JOBS, KIT_DIR, type SandboxPool } from "./pool.ts";
import { hintText } from "./cli/hint.ts";
import { renderList } from "./cli/list.ts";
import { resetCommand } from "./cli/reset.ts";
import { terminalWidth, useColor, useUnicode } from "./cli/tty.ts";
import { watch } from "./cli/watch.ts";
import { showWaiting } from "./cli/waiting.ts";
import { render } from "./reporters/mod.ts";
import type { Report } from "./report.ts";
import {
  CURVES_FILE,
  curvesOutput,
  type OutputPlan,
  planOutputs,
  writeOutputs,
} from "./outputs.ts";
import { exercisesFolder, LinkedExercisesFolder } from "./submission.ts";
import { DEFAULT_LIMITS } from "./sandbox/sandbox.ts";
import { exerciseNamed, MANIFEST, UnknownExercise } from "./manifest.ts";
import { replayFromOptions, writeCaseFiles } from "./replay_case.ts";
import { type RunSeed, SecretSeed } from "./secret_seed.ts";

const USAGE = `Usage: ./deno task grade [EXERCISE...] [options]
       ./deno task watch [EXERCISE...] [options]   grade again after every save
       ./deno task list                            every exercise and its status
       ./deno task hint EXERCISE [TIER]            an exercise's hint
       ./deno task reset EXERCISE [--yes]          put an exercise's stub back (keeps a backup)

Grades the exercise files of a folder against hidden tests drawn from a seed.

  EXERCISE...            exercises to grade: an id (mse_loss), a number (9, 09), a file
                         name or a path (exercises/08_mse_loss.ts); all when none
  --dir PATH             the folder to grade (default: exercises): an exercises folder, or a
                         learner's repository (any folder with an exercises/ folder), of
                         which only the exercise files are graded
  --seed N               replay the hidden inputs of an earlier run (default: a fresh random
                         seed, printed)
  --nonce X              with GRADER_SEED: replay a run whose inputs were secret
  --format F             what to print: terminal (default; also "human"), json, gradescope,
                         junit, classroom, markdown
  --out F=FILE           also write format F to FILE (repeatable; each file written whole or
                         not at all); --out FILE writes the JSON report
  --jobs N               sandboxes run at once (default: ${DEFAULT_JOBS})
  --time-limit SECONDS   per exercise (default: ${DEFAULT_LIMITS.timeMs / 1000})
  --memory-limit MIB     per sandbox process (default: ${DEFAULT_LIMITS.memoryMb})
  --output-limit CHARS   printed output kept per exercise (default: ${DEFAULT_LIMITS.outputChars})
  --test N               with one exercise: run only its test N (as a failure's replay
                         line prints it), at the sizes of --sizes N=2,K=1 if given
  --case FILE            replay the failing case a run with secret inputs wrote to FILE
  --watch                grade, then grade again after every save (Ctrl-C stops)
  --list                 every exercise with its status (graded) and the progress
  --verbose              every failing test, the notes, the passed tests, all printed output
  -h, --help             show this help

GRADER_SEED              a secret of ${SECRET_MIN_DIGITS}+ hexadecimal digits (openssl rand -hex 16):
                         inputs no one can replay or predict without it, a fresh nonce per run

Exercises: ${MANIFEST.map((e) => e.id).join(", ")}
`;

/**
 * Runs the command line; returns the exit status, for a process that exits right after (a
 * one-shot grading leaves its sandboxes to end with it: see `gradeBeforeExit`). `pool`:
 * sandboxes started early for these arguments (see `cli_options.ts`), taken over by the grading
 * if they fit it.
 */
export async function main(args: string[], pool?: SandboxPool): Promise<number> {
  const command = commandArgs(args);
  const width = terminalWidth();
  try {
    if (command.name === "hint") {
      const { text, status } = hintText(command.args, width);
      (status === 2 ? console.error : console.log)(text.trimEnd());
      return status;
    }
    if (command.name === "reset") return await resetCommand(command.args);
  } catch (e) {
    if (e instanceof UsageError || e instanceof UnknownExercise) {
      console.error(`gradkit: ${e.message}`);
      return 2;
    }
    throw e;
  }
  let parsed: GradeArgs;
  try {
    parsed = parseGradeArgs(command.args);
  } catch (e) {
    console.error(`gradkit: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    // Every output checked before any grading: a bad path is a usage error, not a lost run.
    const plan = planOutputs({ format: v.format, out: v.out }, {
      GITHUB_OUTPUT: Deno.env.get("GITHUB_OUTPUT"),
      GITHUB_STEP_SUMMARY: Deno.env.get("GITHUB_STEP_SUMMARY"),
    });
    const dir = exercisesFolder(v.dir);
    const choice = seedChoice(v, Deno.env.get("GRADER_SEED"));
    const seed: RunSeed = choice.kind === "public"
      ? choice.seed
      : new SecretSeed(choice.secret, choice.nonce);
    if (choice.kind === "secret") choice.secret.fill(0); // the HMAC key state is all it keeps
    const limits = limitsOf(v);
    const jobs = positiveNumber("jobs", v.jobs);
    const oneCase = replayFromOptions(v, positionals, exerciseNamed, MANIFEST);
    const ids = oneCase ? [oneCase.exerciseId] : positionals;
    const replay = v.case !== undefined
      ? `./deno task grade --case ${shellWord(v.case)}` +
        (v.dir === "exercises" ? "" : ` --dir ${shellWord(v.dir)}`)
      : typeof seed === "number"
      ? replayCommand({ ids: positionals, dir: v.dir, seed })
      : replayCommand({ ids: positionals, dir: v.dir, seed: null, nonce: seed.nonce });
    const color = useColor();
    if (v.watch || v.list) {
      if (plan.print !== "terminal" || plan.files.length > 0) {
        throw new UsageError(
          `--${v.watch ? "watch" : "list"} prints for a person: no other --format, no --out`,
        );
      }
    }
    if (v.watch) {
      return await watch({
        dir,
        ids: positionals,
        seed,
        limits,
        jobs,
        color,
        width,
        verbose: v.verbose,
        replay,
        pool,
        ascii: !useUnicode(),
        afterGrading: async (r) => (await writeCurves(plan, r, replay))?.trimEnd(),
      });
    }
    // On a terminal, a grading that runs long says what it still waits on (see `waiting.ts`).
    const waiting = showWaiting();
    let report: Report;
    try {
      report = await gradeBeforeExit({
        dir,
        ids,
        seed,
        jobs,
        limits,
        pool,
        onProgress: waiting,
        ...(oneCase ? { replay: oneCase } : {}),
      });
    } finally {
      waiting.stop();
    }
    // Secret inputs: each shown case goes to a file that `--case` replays (see replay_case.ts).
    if (v.case === undefined) {
      for (const problem of writeCaseFiles(report, KIT_DIR)) console.error(`gradkit: ${problem}`);
    } else {
      for (const e of report.exercises) for (const t of e.tests) if (t.case) t.case.replay = replay;
    }
    if (v.list) {
      await Deno.stdout.write(new TextEncoder().encode(renderList(report, { color, width })));
      return report.summary.passed === report.summary.total ? 0 : 1;
    }
    if (report.summary.failed > 0) report = await withKnownMistakes(report, seed);
    const printed = await render(plan.print, report, {
      color,
      replay,
      width,
      verbose: v.verbose,
      ascii: !useUnicode(),
    });
    await Deno.stdout.write(new TextEncoder().encode(printed));
    const failures = await writeOutputs(plan, report, { replay });
    const curves = await writeCurves(plan, report, replay);
    if (curves) await Deno.stdout.write(new TextEncoder().encode(curves));
    for (const failure of failures) console.error(`gradkit: ${failure}`);
    if (failures.length > 0) return 3;
    return report.summary.passed === report.summary.total ? 0 : 1;
  } catch (e) {
    if (
      e instanceof UsageError || e instanceof NoSuchFolder || e instanceof UnknownExercise ||
      e instanceof MissingPermission || e instanceof LinkedExercisesFolder
    ) {
      console.error(`gradkit: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

/**
 * Where the kit holds its known mistakes (an instructor's kit), `report` with each failure that
 * matches one named (`diagnosis/matching.ts`); in a learner's copy, which has neither the
 * mistakes nor that module (it stays behind in a release), `report` as it is. The module is
 * imported by a computed name only when it is there, so that this one ships without it.
 */
async function withKnownMistakes(report: Report, seed: RunSeed): Promise<Report> {
  const module = new URL("./diagnosis/matching.ts", import.meta.url);
  try {
    Deno.statSync(module);
    Deno.statSync(new URL("../solutions/mistakes", import.meta.url));
  } catch {
    return report;
  }
  const matching = await import(module.href) as {
    withKnownMistakes(report: Report, seed: RunSeed): Promise<Report>;
  };
  return await matching.withKnownMistakes(report, seed);
}

/**
 * Writes the learner's default curves page (`curvesOutput` in `outputs.ts`) and returns the
 * line that says where, or nothing when there is none to write or it could not be written.
 */
async function writeCurves(
  plan: OutputPlan,
  report: Report,
  replay: string,
): Promise<string | undefined> {
  const output = curvesOutput(plan, report, {
    isTerminal: Deno.stdout.isTerminal(),
    kitDir: KIT_DIR,
  });
  if (!output) return undefined;
  try {
    await Deno.mkdir(`${KIT_DIR}/.cache`, { recursive: true });
  } catch {
    return undefined;
  }
  const failed = await writeOutputs({ print: "terminal", files: [output] }, report, { replay });
  return failed.length === 0 ? `curves: ${CURVES_FILE} (open it in a browser)\n` : undefined;
}
