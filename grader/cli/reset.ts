/**
 * `./deno task reset <exercise> [--yes] [--dir PATH]`: puts an exercise's pristine stub back,
 * after asking, and keeps the learner's file in `<dir>/.backup/<file>.<time>` (a dot folder,
 * which grading never reads).
 *
 * @module
 */

import { KIT_DIR } from "../pool.ts";
import { type Exercise, exerciseNamed, STUBS_DIR } from "../manifest.ts";
import { UsageError } from "../cli_options.ts";
import { didYouMean } from "../names.ts";
import { exercisesFolder } from "../submission.ts";

/** What {@linkcode reset} needs. */
export interface ResetOptions {
  exercise: Exercise;
  /** The exercises folder. */
  dir: string;
  /** Skip the question. */
  yes: boolean;
  /** Asks the question; true for yes. Undefined: no terminal to ask on. */
  ask?: (question: string) => Promise<boolean>;
  /** "now", for the backup's name (tests fix it). */
  now?: Date;
}

/** A backup's time stamp, sortable and valid in a file name: 20261206-205012. */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}` +
    `${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}

/**
 * Restores the stub of `o.exercise` into `o.dir`; returns what happened, in words, and the exit
 * status (0 restored or nothing to do, 1 declined, 2 cannot ask).
 */
export async function reset(o: ResetOptions): Promise<{ text: string; status: number }> {
  const dir = o.dir.replace(/\/+$/, "");
  const target = `${dir}/${o.exercise.file}`;
  const stub = Deno.readTextFileSync(`${KIT_DIR}/${STUBS_DIR}/${o.exercise.file}`);
  const mine = readOrUndefined(target);
  if (mine === stub) return { text: `${target} is already its stub: nothing to do\n`, status: 0 };
  const backup = `${dir}/.backup/${o.exercise.file}.${stamp(o.now ?? new Date())}`;
  if (mine !== undefined && !o.yes) {
    const question = `Replace ${target} with its stub? Your file is kept as ${backup}. [y/N] `;
    if (!o.ask) {
      return {
        text: `gradkit: reset replaces ${target} with its stub and asks first, but there is no ` +
          `terminal to ask on; to go ahead, run: ./deno task reset ${o.exercise.id} --yes` +
          `${dir === "exercises" ? "" : ` --dir ${dir}`}\n`,
        status: 2,
      };
    }
    if (!(await o.ask(question))) return { text: `${target} left as it was\n`, status: 1 };
  }
  if (mine !== undefined) {
    Deno.mkdirSync(`${dir}/.backup`, { recursive: true });
    Deno.writeTextFileSync(backup, mine);
  }
  Deno.writeTextFileSync(target, stub);
  return {
    text: `restored ${target} from its stub` +
      (mine === undefined ? "\n" : `; your file is kept as ${backup}\n`),
    status: 0,
  };
}

/** Asks on the terminal; true when the answer starts with y. */
async function askOnTerminal(question: string): Promise<boolean> {
  await Deno.stdout.write(new TextEncoder().encode(question));
  const buffer = new Uint8Array(256);
  const n = await Deno.stdin.read(buffer);
  const answer = n === null ? "" : new TextDecoder().decode(buffer.subarray(0, n));
  return /^\s*y(es)?\s*$/i.test(answer);
}

/** Reads `reset`'s command line. Throws {@linkcode UsageError}. */
export function parseResetArgs(
  args: readonly string[],
): { name: string; yes: boolean; dir: string } {
  let yes = false, dir = "exercises";
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--yes" || a === "-y") yes = true;
    else if (a === "--dir") dir = args[++i] ?? "";
    else if (a.startsWith("--dir=")) dir = a.slice("--dir=".length);
    else if (a.startsWith("-")) {
      throw new UsageError(
        `unknown option "${a}"${didYouMean(a.split("=")[0], ["yes", "dir"], "--")} ` +
          `(usage: ./deno task reset <exercise> [--yes] [--dir PATH])`,
      );
    } else names.push(a);
  }
  if (names.length !== 1 || dir === "") {
    throw new UsageError("usage: ./deno task reset <exercise> [--yes] [--dir PATH]");
  }
  return { name: names[0], yes, dir };
}

/** The `reset` command: its exit status. */
export async function resetCommand(args: readonly string[]): Promise<number> {
  const { name, yes, dir } = parseResetArgs(args);
  const exercise = exerciseNamed(name);
  const { text, status } = await reset({
    exercise,
    dir: exercisesFolder(dir),
    yes,
    ask: Deno.stdin.isTerminal() ? askOnTerminal : undefined,
  });
  (status === 2 ? console.error : console.log)(text.trimEnd());
  return status;
}
