/**
 * `deno task grade [ID...] [options]`: grades the exercises and prints the report.
 * Exit status: 0 when every graded exercise passed, 1 otherwise, 2 on a usage error.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { grade, MissingPermission, NoSuchFolder } from "./grade.ts";
import { renderJson } from "./reporters/json.ts";
import { renderTerminal } from "./reporters/terminal.ts";
import { DEFAULT_LIMITS } from "./sandbox/sandbox.ts";
import { MANIFEST, UnknownExercise } from "./manifest.ts";

const USAGE = `Usage: deno task grade [ID...] [options]

Grades the exercise files of a folder against hidden tests drawn from a seed.

  ID...                  exercises to grade (ids or file names); all when none
  --dir PATH             the folder to grade (default: exercises)
  --seed N               replay the hidden inputs of an earlier run (default: GRADER_SEED,
                         else a fresh random seed, printed)
  --format human|json    output format (default: human)
  --out FILE             also write the JSON report to FILE (written whole or not at all)
  --jobs N               sandboxes run at once (default: 2)
  --time-limit SECONDS   per exercise (default: ${DEFAULT_LIMITS.timeMs / 1000})
  --memory-limit MIB     per sandbox process (default: ${DEFAULT_LIMITS.memoryMb})
  --output-limit CHARS   printed output kept per exercise (default: ${DEFAULT_LIMITS.outputChars})
  --list                 list the exercises and exit
  -h, --help             show this help

Exercises: ${MANIFEST.map((e) => e.id).join(", ")}
`;

class UsageError extends Error {}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} needs a positive number, got "${value}"`);
  }
  return n;
}

function parseSeed(value: string, from: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) {
    throw new UsageError(`${from} must be a whole number from 0 to 4294967295, got "${value}"`);
  }
  return Number(value);
}

async function writeWhole(path: string, text: string): Promise<void> {
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(tmp, text);
  await Deno.rename(tmp, path);
}

/** Runs the command line; returns the exit status. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dir: { type: "string", default: "exercises" },
        seed: { type: "string" },
        format: { type: "string", default: "human" },
        out: { type: "string" },
        jobs: { type: "string" },
        "time-limit": { type: "string" },
        "memory-limit": { type: "string" },
        "output-limit": { type: "string" },
        list: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
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
    if (v.format !== "human" && v.format !== "json") {
      throw new UsageError(`--format must be "human" or "json", got "${v.format}"`);
    }
    const envSeed = Deno.env.get("GRADER_SEED");
    const seed = v.seed !== undefined
      ? parseSeed(v.seed, "--seed")
      : envSeed
      ? parseSeed(envSeed, "GRADER_SEED")
      : crypto.getRandomValues(new Uint32Array(1))[0];
    const time = positiveNumber("time-limit", v["time-limit"]);
    const memory = positiveNumber("memory-limit", v["memory-limit"]);
    const output = positiveNumber("output-limit", v["output-limit"]);
    const report = await grade({
      dir: v.dir,
      ids: positionals,
      seed,
      jobs: positiveNumber("jobs", v.jobs),
      limits: {
        ...(time ? { timeMs: time * 1000 } : {}),
        ...(memory ? { memoryMb: memory } : {}),
        ...(output ? { outputChars: output } : {}),
      },
    });
    const json = renderJson(report);
    if (v.out) await writeWhole(v.out, json);
    if (v.format === "json") {
      await Deno.stdout.write(new TextEncoder().encode(json));
    } else {
      const replay = ["deno task grade", ...positionals, "--seed", String(seed)]
        .concat(v.dir === "exercises" ? [] : ["--dir", v.dir]).join(" ");
      const color = Deno.stdout.isTerminal() && !Deno.env.get("NO_COLOR");
      await Deno.stdout.write(new TextEncoder().encode(renderTerminal(report, { color, replay })));
    }
    return report.summary.passed === report.summary.total ? 0 : 1;
  } catch (e) {
    if (
      e instanceof UsageError || e instanceof NoSuchFolder || e instanceof UnknownExercise ||
      e instanceof MissingPermission
    ) {
      console.error(`gradkit: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
