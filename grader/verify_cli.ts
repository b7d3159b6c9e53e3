/**
 * `deno task verify [ID...]`: the catalogue check of one exercise, several, or the whole course
 * (see `verify.ts`), printing for each known mistake its kind label and what a learner who made it
 * would read.
 * Exit status: 0 when everything holds, 1 with the list of problems otherwise, 2 on a usage error.
 *
 * @module
 */

import { selectExercises, UnknownExercise } from "./manifest.ts";
import { verifyCourse } from "./verify.ts";

const USAGE = `Usage: deno task verify [ID...] [--seeds N]

Checks the named exercises (all when none): manifest, stub, solution, spec and known mistakes
agree; the solution passes on N seeds (default 8); the stub is not started (a clinic's broken stub failed); every known mistake
fails. Prints each mistake's kind and what a learner reads for it.`;

function indent(text: string, prefix: string): string {
  return text.split("\n").map((l) => prefix + l).join("\n");
}

/** Runs the command; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const ids: string[] = [];
  let seedCount = 8;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      return 0;
    } else if (a === "--seeds") {
      seedCount = Number(args[++i]);
      if (!Number.isInteger(seedCount) || seedCount < 1) {
        console.error(`--seeds must be a whole number above 0, got ${args[i]}\n\n${USAGE}`);
        return 2;
      }
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else {
      ids.push(a);
    }
  }
  let exercises;
  try {
    exercises = selectExercises(ids);
  } catch (e) {
    if (e instanceof UnknownExercise) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const started = performance.now();
  const seeds = Array.from({ length: seedCount }, (_, i) => 1 + i * 7919);
  const v = await verifyCourse({ exercises, seeds, workingCopy: true });
  for (const e of exercises) {
    const mistakes = v.mistakes.filter((m) => m.mistake.exercise === e);
    if (mistakes.length === 0) continue;
    console.log(`${e.id}: ${mistakes.length} known mistakes, as a learner reads them (seed 1)`);
    for (const m of mistakes) {
      const verdict = m.status === "failed" ? "caught" : "MISSED";
      console.log(`  ${verdict} ${m.mistake.name} [${m.kind}]: ${m.about}`);
      console.log(indent(m.message || "(no message)", "      "));
    }
    console.log();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const what = exercises.length === 1 ? exercises[0].id : `${exercises.length} exercises`;
  if (v.problems.length > 0) {
    console.log(`verify ${what}: ${v.problems.length} problems (${seconds} s)`);
    for (const p of v.problems) console.log(indent(p, "  ✗ "));
    return 1;
  }
  console.log(
    `verify ${what}: sound (solution passed on ${seedCount} seeds, stub as expected (not started; a clinic's failed), ` +
      `${v.mistakes.length} known mistakes caught; ${seconds} s)`,
  );
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
