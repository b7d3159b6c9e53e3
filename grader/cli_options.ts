/**
 * The options of `deno task grade`, and what they say about the sandboxes to start. Light on
 * purpose (it imports no Node.js module and none of the grader's specs): the entry point reads
 * the command line with it before anything else is loaded.
 *
 * @module
 */

import type { Limits } from "./sandbox/sandbox.ts";
import type { PoolOptions } from "./pool.ts";

/** The command line's options, in the form `node:util`'s `parseArgs` takes. */
export const GRADE_OPTIONS = {
  dir: { type: "string", default: "exercises" },
  seed: { type: "string" },
  format: { type: "string", default: "human" },
  out: { type: "string" },
  jobs: { type: "string" },
  "time-limit": { type: "string" },
  "memory-limit": { type: "string" },
  "output-limit": { type: "string" },
  list: { type: "boolean", default: false },
  watch: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** A command line that cannot be run as given (exit status 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
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
  const values: Record<string, string> = {};
  let exercises = 0;
  let watch = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      exercises += args.length - i - 1;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      exercises++;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(arg.startsWith("--") ? 2 : 1, eq < 0 ? undefined : eq);
    const option = GRADE_OPTIONS[name as keyof typeof GRADE_OPTIONS];
    if (!option || option.type === "boolean") {
      if (name !== "watch") return undefined; // help, list, or unknown
      watch = true;
    } else {
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) return undefined;
      values[name] = value;
    }
  }
  try {
    const limits = limitsOf(values);
    const jobs = Math.floor(positiveNumber("jobs", values.jobs) ?? 2);
    // One sandbox per exercise at most, except in watch mode (a save may re-grade them all).
    return { jobs: watch || exercises === 0 ? jobs : Math.min(jobs, exercises), limits };
  } catch {
    return undefined;
  }
}
