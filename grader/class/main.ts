/**
 * `deno task class <folder> --out <dir>`: grades every submission of a class into a gradebook
 * (see `docs/class.md`). Exit status: 0 when every submission was graded (whatever its points),
 * 1 when some could not be (the gradebook says why), 2 on a usage error.
 *
 * @module
 */

import {
  limitsOf,
  positiveNumber,
  SECRET_MIN_DIGITS,
  seedChoice,
  UsageError,
} from "../cli_options.ts";
import { DEFAULT_LIMITS } from "../sandbox/sandbox.ts";
import { type ClassSeed, gradeClass, runStateOf } from "./grade_class.ts";
import { OutputFolder } from "./output.ts";
import { progressDisplay } from "./progress.ts";
import { type Submission, submissionsIn, submissionsInRoster } from "./submissions.ts";

const USAGE = `Usage: ./deno task class <folder> --out <dir> [options]
       ./deno task class --roster <csv> --out <dir> [options]

Grades every submission of a class (each folder in <folder>: a learner's repository holding
exercises/, or an exercises folder itself) and writes <dir>/gradebook.csv, <dir>/gradebook.json
and <dir>/<submission>.json. Run it again to grade only what is new or changed.

  --out DIR              the output folder (created if need be)
  --roster CSV           grade the folders a roster lists (columns "name" and "path", the path
                         relative to the roster's folder) instead of every folder in <folder>
  --jobs N               submissions graded at once (default: the number of cores, ${navigator.hardwareConcurrency})
  --seed N               the class's public seed (default: a fresh one, stored in <dir>)
  --nonce X              with GRADER_SEED: the class's nonce (default: a fresh one, stored in <dir>)
  --time-limit SECONDS   per exercise (default: ${DEFAULT_LIMITS.timeMs / 1000})
  --memory-limit MIB     per sandbox process (default: ${DEFAULT_LIMITS.memoryMb})
  --output-limit CHARS   printed output kept per exercise (default: ${DEFAULT_LIMITS.outputChars})
  -h, --help             show this help

GRADER_SEED              a secret of ${SECRET_MIN_DIGITS}+ hexadecimal digits: secret inputs (only the nonce is
                         stored in <dir>; a resumed run needs the same secret)
`;

const STRING_OPTIONS = [
  "out",
  "roster",
  "jobs",
  "seed",
  "nonce",
  "time-limit",
  "memory-limit",
  "output-limit",
];

/** A command line of `deno task class`, read strictly (as `deno task grade`'s is). */
export function parseClassArgs(
  args: readonly string[],
): { values: Record<string, string | undefined>; help: boolean; positionals: string[] } {
  const values: Record<string, string | undefined> = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      if (arg.startsWith("-") && arg !== "-") {
        throw new UsageError(`unknown option "${arg}" (--help lists the options)`);
      }
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!STRING_OPTIONS.includes(name)) {
      throw new UsageError(`unknown option "--${name}" (--help lists the options)`);
    }
    if (values[name] !== undefined) throw new UsageError(`--${name} is given twice`);
    if (eq >= 0) {
      values[name] = arg.slice(eq + 1);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith("-") && value !== "-")) {
      throw new UsageError(`--${name} needs a value`);
    }
    values[name] = value;
    i++;
  }
  return { values, help, positionals };
}

/**
 * The class's inputs: those stored in the output folder by an earlier run (which `--seed`,
 * `--nonce` and `GRADER_SEED` must agree with), or new ones, stored before anything is graded.
 */
export function classSeed(
  out: OutputFolder,
  v: { seed?: string; nonce?: string },
  graderSeed: string | undefined,
): ClassSeed {
  const stored = out.readRun();
  const other = (was: string) =>
    new UsageError(
      `${out.dir} holds a class graded on ${was}, and this run asks for other inputs: grade ` +
        "into a new --out folder, or resume with the same inputs",
    );
  if (stored?.inputs === "public") {
    const was = `public inputs (seed ${stored.seed})`;
    if (v.nonce !== undefined || (v.seed !== undefined && Number(v.seed) !== stored.seed)) {
      throw other(was);
    }
    if (v.seed === undefined && graderSeed !== undefined) {
      throw other(`${was} (GRADER_SEED is set)`);
    }
    return { kind: "public", seed: stored.seed! };
  }
  if (stored?.inputs === "secret") {
    const was = `secret inputs (nonce ${stored.nonce}; set GRADER_SEED to the same secret)`;
    if (v.seed !== undefined || (v.nonce !== undefined && v.nonce.toLowerCase() !== stored.nonce)) {
      throw other(was);
    }
    if (graderSeed === undefined) {
      throw new UsageError(
        `${out.dir} holds a class graded on ${was}: GRADER_SEED is not set, so it cannot resume`,
      );
    }
    const choice = seedChoice({ nonce: stored.nonce! }, graderSeed);
    if (choice.kind !== "secret") throw other(was);
    return { kind: "secret", secret: choice.secret, nonce: stored.nonce! };
  }
  const choice = seedChoice(v, graderSeed);
  const seed: ClassSeed = choice.kind === "public" ? { kind: "public", seed: choice.seed } : {
    kind: "secret",
    secret: choice.secret,
    nonce: [...choice.nonce].map((b) => b.toString(16).padStart(2, "0")).join(""),
  };
  out.writeRun(runStateOf(seed));
  return seed;
}

/** Runs the command line; returns the exit status. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseClassArgs(args);
  } catch (e) {
    console.error(`gradkit class: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(USAGE);
    return 0;
  }
  const { values: v, positionals } = parsed;
  let secret: Uint8Array | undefined;
  try {
    if (!v.out) throw new UsageError("--out <dir> is needed: the folder the gradebook goes in");
    if (positionals.length > 1) {
      throw new UsageError(`one class folder, got ${positionals.length}: ${positionals.join(" ")}`);
    }
    if (v.roster === undefined && positionals.length === 0) {
      throw new UsageError("give the class folder (or --roster <csv>)");
    }
    if (v.roster !== undefined && positionals.length > 0) {
      throw new UsageError("give the class folder or --roster <csv>, not both");
    }
    const limits = { ...DEFAULT_LIMITS, ...limitsOf(v) };
    const jobs = Math.floor(positiveNumber("jobs", v.jobs) ?? navigator.hardwareConcurrency);
    let submissions: Submission[] = v.roster !== undefined
      ? await submissionsInRoster(v.roster)
      : await submissionsIn(positionals[0]);
    const out = OutputFolder.open(v.out);
    // An output folder inside the class folder is not a submission.
    const outReal = Deno.realPathSync(out.dir);
    submissions = submissions.filter((s) => {
      try {
        return Deno.realPathSync(s.folder) !== outReal;
      } catch {
        return true;
      }
    });
    const seed = classSeed(out, v, Deno.env.get("GRADER_SEED"));
    if (seed.kind === "secret") secret = seed.secret;
    const started = performance.now();
    const result = await gradeClass({
      submissions,
      out,
      seed,
      limits,
      jobs,
      onEvent: progressDisplay({
        terminal: Deno.stderr.isTerminal(),
        write: (text) => Deno.stderr.writeSync(new TextEncoder().encode(text)),
      }),
    });
    const notGraded = result.rows.filter((r) => r.state !== "graded");
    console.log(
      `${result.rows.length} submissions: ${result.graded} graded in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s, ${result.kept} kept` +
        `${notGraded.length ? `, ${notGraded.length} could not be graded` : ""}; ` +
        `gradebook: ${out.dir}/gradebook.csv`,
    );
    for (const r of notGraded) console.log(`  ${r.name}: ${r.problem}`);
    return notGraded.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`gradkit class: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    secret?.fill(0);
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
