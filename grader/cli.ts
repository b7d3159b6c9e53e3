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
  type GradeArgs,
  limitsOf,
  parseGradeArgs,
  positiveNumber,
  replayCommand,
  SECRET_MIN_DIGITS,
  seedChoice,
  UsageError,
} from "./cli_options.ts";
import { gradeBeforeExit, GradingSession, MissingPermission, NoSuchFolder } from "./grade.ts";
import { DEFAULT_JOBS, type SandboxPool } from "./pool.ts";
import type { ExerciseReport, Report } from "./report.ts";
import { summarize } from "./report.ts";
import { renderTerminal } from "./reporters/terminal.ts";
import { render } from "./reporters/mod.ts";
import { planOutputs, writeOutputs } from "./outputs.ts";
import { exercisesFolder, LinkedExercisesFolder } from "./submission.ts";
import { DEFAULT_LIMITS, type Limits } from "./sandbox/sandbox.ts";
import { MANIFEST, UnknownExercise } from "./manifest.ts";
import { type RunSeed, SecretSeed } from "./secret_seed.ts";

const USAGE = `Usage: ./deno task grade [ID...] [options]

Grades the exercise files of a folder against hidden tests drawn from a seed.

  ID...                  exercises to grade (ids or file names); all when none
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
  --watch                grade, then grade again after every save (Ctrl-C stops)
  --list                 list the exercises and exit
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
  let parsed: GradeArgs;
  try {
    parsed = parseGradeArgs(args);
  } catch (e) {
    console.error(`gradkit: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (v.list) {
    for (const e of MANIFEST) console.log(`${e.id.padEnd(26)} ${e.file.padEnd(34)} ${e.title}`);
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
    const replay = typeof seed === "number"
      ? replayCommand({ ids: positionals, dir: v.dir, seed })
      : replayCommand({ ids: positionals, dir: v.dir, seed: null, nonce: seed.nonce });
    const color = Deno.stdout.isTerminal() && !Deno.env.get("NO_COLOR");
    if (v.watch) {
      if (plan.print !== "terminal" || plan.files.length > 0) {
        throw new UsageError("--watch prints for a person: no other --format, no --out");
      }
      return await watch({ dir, ids: positionals, seed, limits, jobs, color, replay, pool });
    }
    const report = await gradeBeforeExit({ dir, ids: positionals, seed, jobs, limits, pool });
    const printed = await render(plan.print, report, { color, replay });
    await Deno.stdout.write(new TextEncoder().encode(printed));
    const failures = await writeOutputs(plan, report, { replay });
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

/** What watch mode needs. */
interface WatchOptions {
  dir: string;
  ids: string[];
  seed: RunSeed;
  limits: Partial<Limits>;
  jobs?: number;
  pool?: SandboxPool;
  color: boolean;
  replay: string;
}

const SOURCE_FILE = /\.(ts|js|mts|mjs|json)$/;

/**
 * Watch mode: grades once, then again after every save, with the same seed (under a secret,
 * the same nonce), so a change in the verdict comes from the code, and warm sandboxes. A save to an exercise file re-grades that
 * exercise; a save to any other source file re-grades them all. Ends on Ctrl-C.
 */
async function watch(o: WatchOptions): Promise<number> {
  const session = await GradingSession.open({
    dir: o.dir,
    limits: o.limits,
    jobs: o.jobs,
    pool: o.pool,
  });
  const print = (text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text));
  // Watch before the first grading: a save made while it runs, or right after "watching" is
  // printed, is then never missed (it queues, and is graded next).
  const watcher = Deno.watchFs(o.dir);
  const first = await session.grade({ seed: o.seed, ids: o.ids });
  const latest = new Map(first.exercises.map((e) => [e.id, e]));
  const byFile = new Map(first.exercises.map((e) => [e.file, e.id]));
  print(renderTerminal(first, { color: o.color, replay: o.replay }));
  print(`watching ${o.dir} for changes (Ctrl-C to stop)\n`);

  const stop = () => watcher.close();
  Deno.addSignalListener("SIGINT", stop);
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  const regrade = async () => {
    const changed = [...pending];
    pending = new Set();
    const ids = changed.every((f) => byFile.has(f))
      ? changed.map((f) => byFile.get(f)!)
      : [...latest.keys()];
    const report = await session.grade({ seed: o.seed, ids });
    for (const e of report.exercises) latest.set(e.id, e);
    const exercises: ExerciseReport[] = [...latest.values()];
    const merged: Report = { ...report, exercises, summary: summarize(exercises) };
    const when = new Date().toTimeString().slice(0, 8);
    print(
      `\n── ${when}: saved ${changed.join(", ")}; re-graded ${report.exercises.length} ` +
        `exercise${report.exercises.length === 1 ? "" : "s"} in ${
          (report.durationMs / 1000).toFixed(2)
        } s ──\n`,
    );
    print(renderTerminal(merged, { color: o.color, replay: o.replay }));
  };
  try {
    for await (const event of watcher) {
      if (event.kind === "access") continue;
      for (const path of event.paths) {
        const name = path.slice(path.lastIndexOf("/") + 1);
        if (SOURCE_FILE.test(name)) pending.add(name);
      }
      if (pending.size === 0) continue;
      // Editors write a file in several steps: wait for the burst to end.
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(regrade).catch((e) => {
          print(`\ngradkit: could not grade: ${(e as Error).message}\n`);
        });
      }, 80);
    }
  } finally {
    clearTimeout(timer);
    Deno.removeSignalListener("SIGINT", stop);
    await running;
    await session.close();
  }
  return 0;
}
