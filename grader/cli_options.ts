/**
 * The options of `deno task grade`, their parser, and what they say about the sandboxes to
 * start. Light on purpose (it imports no Node.js module and none of the grader's specs): the
 * entry point reads the command line with it before anything else is loaded.
 *
 * The parser follows `node:util`'s `parseArgs` in strict mode (a test holds them together), but
 * is written here: importing `node:util` boots Deno's Node.js layer, about 20 ms of CPU at the
 * start of every grading run, while the sandboxes boot on the same two cores.
 *
 * @module
 */

import type { Limits } from "./sandbox/sandbox.ts";
import { DEFAULT_JOBS, type PoolOptions } from "./pool.ts";
import { didYouMean } from "./names.ts";
import { fromHex } from "../lib/sha256.ts";

/** The command line's options, in the form `node:util`'s `parseArgs` takes (`short` for `-h`). */
export const GRADE_OPTIONS = {
  dir: { type: "string", default: "exercises" },
  seed: { type: "string" },
  nonce: { type: "string" },
  format: { type: "string", default: "terminal" },
  out: { type: "string", multiple: true },
  jobs: { type: "string" },
  "time-limit": { type: "string" },
  "memory-limit": { type: "string" },
  "output-limit": { type: "string" },
  test: { type: "string" },
  sizes: { type: "string" },
  case: { type: "string" },
  list: { type: "boolean", default: false },
  watch: { type: "boolean", default: false },
  verbose: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Options = typeof GRADE_OPTIONS;

/**
 * The option values of a command line: booleans, strings (undefined when absent and no
 * default), and the strings of a repeatable option in the order given (undefined when absent).
 */
export type GradeValues = {
  -readonly [K in keyof Options]: Options[K] extends { type: "boolean" } ? boolean
    : Options[K] extends { multiple: true } ? string[] | undefined
    : Options[K] extends { default: string } ? string
    : string | undefined;
};

/** A command line read by {@linkcode parseGradeArgs}. */
export interface GradeArgs {
  values: GradeValues;
  /** The arguments that are not options: exercise ids or file names. */
  positionals: string[];
}

/** A command line that cannot be run as given (exit status 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function optionNamed(name: string): Options[keyof Options] | undefined {
  return Object.hasOwn(GRADE_OPTIONS, name) ? GRADE_OPTIONS[name as keyof Options] : undefined;
}

/**
 * Reads a command line of `deno task grade`: `--name value`, `--name=value`, boolean flags,
 * `-h`, and `--` (everything after it is an exercise); a repeatable option (`--out`) collects
 * its values. Strict, as `parseArgs` is: an unknown
 * option, a missing value, a value that looks like an option (write `--dir=-x` for that) and a
 * value given to a flag are {@linkcode UsageError}s that name the option.
 */
export function parseGradeArgs(args: readonly string[]): GradeArgs {
  const values: Record<string, string | string[] | boolean | undefined> = {};
  const set = (name: string, value: string) => {
    const option = GRADE_OPTIONS[name as keyof Options];
    if ("multiple" in option) {
      values[name] = [...(values[name] as string[] | undefined ?? []), value];
    } else values[name] = value;
  };
  for (const [name, option] of Object.entries(GRADE_OPTIONS)) {
    if ("default" in option) values[name] = option.default;
  }
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const long = arg.startsWith("--");
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const name = long
      ? written.slice(2)
      : Object.entries(GRADE_OPTIONS).find(([, o]) => "short" in o && `-${o.short}` === arg)?.[0];
    const option = name === undefined ? undefined : optionNamed(name);
    if (name === undefined || option === undefined) {
      const near = long ? didYouMean(written, Object.keys(GRADE_OPTIONS), "--") : "";
      throw new UsageError(`unknown option "${written}"${near} (--help lists the options)`);
    }
    if (option.type === "boolean") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value, got "${arg}"`);
      values[name] = true;
      continue;
    }
    if (eq >= 0) {
      set(name, arg.slice(eq + 1));
      continue;
    }
    const value = args[i + 1];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (value.startsWith("-") && value !== "-") {
      throw new UsageError(
        `--${name} needs a value, got the option "${value}" (for a value that starts with ` +
          `"-", write --${name}=${value})`,
      );
    }
    set(name, value);
    i++;
  }
  return { values: values as GradeValues, positionals };
}

/** The commands besides grading; `watch` and `list` are `grade --watch` and `grade --list`. */
const COMMANDS = ["grade", "watch", "list", "hint", "reset"] as const;

/**
 * The command a command line asks for (its first word, as the kit's tasks pass it: `./deno
 * task hint mse_loss` runs `main.ts hint mse_loss`) and the arguments it takes; `grade` when
 * the first word is not a command.
 *
 * @example
 * ```ts
 * commandArgs(["watch", "mse_loss"]); // { name: "grade", args: ["--watch", "mse_loss"] }
 * ```
 */
export function commandArgs(
  args: readonly string[],
): { name: "grade" | "hint" | "reset"; args: string[] } {
  const [first, ...rest] = args;
  switch (first as typeof COMMANDS[number]) {
    case "grade":
      return { name: "grade", args: rest };
    case "watch":
      return { name: "grade", args: ["--watch", ...rest] };
    case "list":
      return { name: "grade", args: ["--list", ...rest] };
    case "hint":
    case "reset":
      return { name: first as "hint" | "reset", args: rest };
    default:
      return { name: "grade", args: [...args] };
  }
}

/** The value of `--name`, a positive number, or undefined when the option is absent. */
export function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new UsageError(`--${name} needs a positive number, got "${value}"`);
  }
  return n;
}

/** The option values that set the sandboxes up. */
export interface SandboxValues {
  jobs?: string;
  "time-limit"?: string;
  "memory-limit"?: string;
  "output-limit"?: string;
}

/** The limits the options set (the others keep their defaults). Throws {@linkcode UsageError}. */
export function limitsOf(v: SandboxValues): Partial<Limits> {
  const time = positiveNumber("time-limit", v["time-limit"]);
  const memory = positiveNumber("memory-limit", v["memory-limit"]);
  const output = positiveNumber("output-limit", v["output-limit"]);
  return {
    ...(time ? { timeMs: time * 1000 } : {}),
    ...(memory ? { memoryMb: memory } : {}),
    ...(output ? { outputChars: output } : {}),
  };
}

/**
 * The sandboxes a grading run with these arguments will need, read quickly before the grader
 * is loaded so they can start booting: undefined when the arguments ask for no grading (help,
 * list) or look wrong (the full parse then reports it). Only a guess: the session checks it and
 * starts other sandboxes if it was wrong.
 */
export function poolFor(args: readonly string[]): PoolOptions | undefined {
  try {
    const command = commandArgs(args);
    if (command.name !== "grade") return undefined;
    const { values, positionals } = parseGradeArgs(command.args);
    if (values.help) return undefined;
    const limits = limitsOf(values);
    const jobs = Math.floor(positiveNumber("jobs", values.jobs) ?? DEFAULT_JOBS);
    // One sandbox per exercise at most, except in watch mode (a save may re-grade them all).
    const exercises = positionals.length;
    const all = values.watch || values.list || exercises === 0;
    return { jobs: all ? jobs : Math.min(jobs, exercises), limits };
  } catch {
    return undefined;
  }
}

/** The shortest secret `GRADER_SEED` takes, in hexadecimal digits (128 bits). */
export const SECRET_MIN_DIGITS = 32;

const MAKE_A_SECRET = "make one with `openssl rand -hex 16` (or " +
  "`node -e \"console.log(require('crypto').randomBytes(16).toString('hex'))\"`) and keep it " +
  "where learners cannot read it (a CI secret); for a public run, unset GRADER_SEED";

/**
 * What `GRADER_SEED` is wrong with, in words that never quote it (it is meant to be secret), or
 * undefined when it is a good secret: hexadecimal digits only, an even number of them (whole
 * bytes), at least {@linkcode SECRET_MIN_DIGITS}. Whitespace around it is ignored.
 */
function secretProblem(text: string): string | undefined {
  if (text === "") return "GRADER_SEED is set but empty (a CI secret not configured?)";
  if (!/^[0-9a-fA-F]+$/.test(text)) {
    return `GRADER_SEED must be hexadecimal digits only (0-9, a-f); the value given (not ` +
      `shown: it is meant to be secret) has other characters`;
  }
  if (text.length < SECRET_MIN_DIGITS) {
    return `GRADER_SEED must be a secret of at least ${SECRET_MIN_DIGITS} hexadecimal digits ` +
      `(128 bits), got ${text.length} (a shorter seed can be searched from the inputs it draws)`;
  }
  if (text.length % 2 !== 0) {
    return `GRADER_SEED must have an even number of hexadecimal digits (whole bytes), got ` +
      `${text.length}`;
  }
  return undefined;
}

/**
 * Where a run's hidden inputs come from: a public 32-bit seed, or a secret (`GRADER_SEED`) and
 * the run's 128-bit nonce. Read by {@linkcode seedChoice}.
 */
export type SeedChoice =
  | { kind: "public"; seed: number }
  | { kind: "secret"; secret: Uint8Array; nonce: Uint8Array };

/**
 * The seed a command line and `GRADER_SEED` ask for. `--seed N` replays a public run (even with
 * `GRADER_SEED` set); else a set `GRADER_SEED` makes the inputs secret, drawn with `--nonce X`
 * to replay a secret run or with a fresh random nonce; else a fresh random public seed. Throws
 * {@linkcode UsageError} for a malformed value, `--nonce` without `GRADER_SEED`, or `--seed`
 * with `--nonce`; the messages never quote `GRADER_SEED`.
 *
 * @example
 * ```ts
 * seedChoice({ seed: "1234" }, undefined); // { kind: "public", seed: 1234 }
 * ```
 */
export function seedChoice(
  v: { seed?: string; nonce?: string },
  graderSeed: string | undefined,
): SeedChoice {
  if (v.seed !== undefined) {
    if (v.nonce !== undefined) {
      throw new UsageError(
        "--seed replays a public run and --nonce a secret one (with GRADER_SEED): give one",
      );
    }
    if (!/^\d+$/.test(v.seed) || Number(v.seed) > 0xffffffff) {
      throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${v.seed}"`);
    }
    return { kind: "public", seed: Number(v.seed) };
  }
  if (graderSeed !== undefined) {
    const text = graderSeed.trim();
    const problem = secretProblem(text);
    if (problem) throw new UsageError(`${problem}; ${MAKE_A_SECRET}`);
    let nonce: Uint8Array;
    if (v.nonce === undefined) {
      nonce = crypto.getRandomValues(new Uint8Array(16));
    } else if (/^[0-9a-fA-F]{32}$/.test(v.nonce)) {
      nonce = fromHex(v.nonce);
    } else {
      throw new UsageError(
        `--nonce must be the 32 hexadecimal digits a secret run printed, got "${v.nonce}"`,
      );
    }
    return { kind: "secret", secret: fromHex(text), nonce };
  }
  if (v.nonce !== undefined) {
    throw new UsageError(
      "--nonce replays a run whose inputs were secret: set GRADER_SEED to that run's secret",
    );
  }
  return { kind: "public", seed: crypto.getRandomValues(new Uint32Array(1))[0] };
}

/** An argument as a POSIX shell reads it back: as is when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that replays a run, as typed at the kit's folder (`./deno task grade`, which
 * works where Deno is not installed): with `--seed N` for a public run, and for a secret one
 * with `--nonce X` and a literal `GRADER_SEED=<your secret>` placeholder (never the secret).
 *
 * @example
 * ```ts
 * replayCommand({ ids: ["relu"], dir: "exercises", seed: 77 });
 * // "./deno task grade relu --seed 77"
 * ```
 */
export function replayCommand(
  o: { ids: readonly string[]; dir: string; seed: number | null; nonce?: string | null },
): string {
  const secret = o.seed === null;
  return [
    ...(secret ? ["GRADER_SEED=<your secret>"] : []),
    "./deno task grade",
    ...o.ids.map(shellWord),
    ...(secret ? ["--nonce", o.nonce ?? ""] : ["--seed", String(o.seed)]),
    ...(o.dir === "exercises" ? [] : ["--dir", shellWord(o.dir)]),
  ].join(" ");
}
