/**
 * Where a grading's report goes: the format printed (`--format`) and the files written
 * (`--out`), checked before grading starts and written after it, each file whole or not at
 * all.
 *
 * - `--out FORMAT=FILE` writes a format to a file; a bare `--out FILE` writes the kit's JSON.
 *   What comes before the first `=` is read as a format when it is a lowercase word: a file
 *   whose name has such a start is written `--out json=./a=b.json`.
 * - Before grading ({@linkcode planOutputs}): every format is known, every file's folder exists
 *   and can be written in, no file is a folder, and no two outputs go to the same file (by where
 *   they really lead). Any of these is a {@linkcode UsageError}.
 * - After grading ({@linkcode writeOutputs}): a file is written to a temporary file in its
 *   folder and renamed into place, so it is whole or untouched; a failure removes the temporary
 *   file and is returned, not thrown. The two files GitHub Actions hands a step are appended to,
 *   as GitHub expects: `$GITHUB_OUTPUT` (only the `classroom` format, as the step output
 *   `result=<base64>`) and `$GITHUB_STEP_SUMMARY` (only `markdown`).
 * - When `$GITHUB_OUTPUT` is set and the classroom format is asked for (printed or written), its
 *   step output is appended to `$GITHUB_OUTPUT` even without `--out classroom=$GITHUB_OUTPUT`.
 *
 * @module
 */

import { UsageError } from "./cli_options.ts";
import type { Report } from "./report.ts";
import { hasCurves } from "./series.ts";
import { type Format, formatNamed, FORMATS, render, type RenderOptions } from "./reporters/mod.ts";

/** How a file is written. */
export type OutputKind =
  /** Written whole: a temporary file renamed into place. */
  | "file"
  /** `$GITHUB_OUTPUT`: the classroom result appended as the step output `result`. */
  | "github-output"
  /** `$GITHUB_STEP_SUMMARY`: the Markdown summary appended. */
  | "step-summary";

/** One file to write. */
export interface Output {
  format: Format;
  /** The path as given. */
  path: string;
  kind: OutputKind;
}

/** What a grading prints and writes. */
export interface OutputPlan {
  /** The format printed on standard output. */
  print: Format;
  files: Output[];
}

/** The environment variables of GitHub Actions that name files a step appends to. */
export interface GithubFiles {
  GITHUB_OUTPUT?: string;
  GITHUB_STEP_SUMMARY?: string;
}

function knownFormats(): string {
  return `${FORMATS.join(", ")} (human is terminal)`;
}

/** The format a `--format` value names; a {@linkcode UsageError} for an unknown one. */
export function printedFormat(name: string): Format {
  const format = formatNamed(name);
  if (format === undefined) {
    throw new UsageError(`--format must be one of ${knownFormats()}, got "${name}"`);
  }
  return format;
}

/** Reads one `--out` value: `FORMAT=FILE`, or a bare `FILE` (the kit's JSON). */
export function parseOut(value: string): { format: Format; path: string } {
  const named = /^([a-z]+)=(.*)$/s.exec(value);
  let format: Format = "json";
  let path = value;
  if (named) {
    const f = formatNamed(named[1]);
    if (f === undefined) {
      throw new UsageError(
        `--out ${value}: unknown format "${named[1]}"; formats: ${knownFormats()} (for a file ` +
          `whose name starts with "${named[1]}=", write --out json=./${value})`,
      );
    }
    format = f;
    path = named[2];
  }
  if (path === "") throw new UsageError(`--out ${value}: no file named`);
  return { format, path };
}

function folderOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? "." : at === 0 ? "/" : path.slice(0, at);
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * Where a path really leads: its folder's real path and its name, or the real path of the file
 * when it exists (a link to another output is the same file). Undefined when its folder does
 * not exist.
 */
function whereItLeads(path: string): string | undefined {
  try {
    return Deno.realPathSync(path);
  } catch {
    // not there yet: its folder, resolved, and its name
  }
  try {
    const folder = Deno.realPathSync(folderOf(path));
    return `${folder === "/" ? "" : folder}/${baseOf(path)}`;
  } catch {
    return undefined;
  }
}

function why(e: unknown): string {
  return e instanceof Deno.errors.PermissionDenied
    ? "permission denied"
    : (e as Error).message.replace(/: .*$/s, "").toLowerCase();
}

/** Checks that `output` can be written, as far as can be known before writing it. */
function checkWritable(output: Output, shown: string): void {
  const folder = folderOf(output.path);
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(folder);
  } catch {
    throw new UsageError(`${shown}: no such folder: ${folder}`);
  }
  if (!info.isDirectory) throw new UsageError(`${shown}: ${folder} is not a folder`);
  try {
    if (Deno.statSync(output.path).isDirectory) {
      throw new UsageError(`${shown}: ${output.path} is a folder, not a file`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // not there yet: it will be created
  }
  try {
    if (output.kind === "file") {
      // What writing it will do: create a file in its folder (then rename it).
      Deno.removeSync(Deno.makeTempFileSync({ dir: folder, prefix: ".gradkit-check-" }));
    } else {
      Deno.openSync(output.path, { append: true, create: true }).close();
    }
  } catch (e) {
    throw new UsageError(
      `${shown}: cannot write ${output.kind === "file" ? `in ${folder}` : output.path} ` +
        `(${why(e)})`,
    );
  }
}

/**
 * The outputs a command line asks for, checked: see the module's doc. `github`: the values of
 * `$GITHUB_OUTPUT` and `$GITHUB_STEP_SUMMARY` (unset outside GitHub Actions). Throws
 * {@linkcode UsageError}.
 *
 * @example
 * ```ts ignore
 * planOutputs({ format: "terminal", out: ["junit=junit.xml", "report.json"] }, {});
 * // { print: "terminal", files: [{ format: "junit", path: "junit.xml", kind: "file" },
 * //   { format: "json", path: "report.json", kind: "file" }] }
 * ```
 */
export function planOutputs(
  args: { format: string; out?: readonly string[] },
  github: GithubFiles,
): OutputPlan {
  const print = printedFormat(args.format);
  const special = new Map<string, OutputKind>();
  for (
    const [name, kind] of [["GITHUB_OUTPUT", "github-output"], [
      "GITHUB_STEP_SUMMARY",
      "step-summary",
    ]] as const
  ) {
    const path = github[name];
    const leads = path ? whereItLeads(path) : undefined;
    if (leads) special.set(leads, kind);
  }
  const files: Output[] = [];
  const seen = new Map<string, string>();
  const add = (output: Output, shown: string) => {
    const leads = whereItLeads(output.path);
    if (leads === undefined) {
      throw new UsageError(`${shown}: no such folder: ${folderOf(output.path)}`);
    }
    const earlier = seen.get(leads);
    if (earlier !== undefined) {
      throw new UsageError(
        `${shown} and ${earlier} write the same file (${leads}): give each its own`,
      );
    }
    seen.set(leads, shown);
    output.kind = special.get(leads) ?? "file";
    if (output.kind === "github-output" && output.format !== "classroom") {
      throw new UsageError(
        `${shown}: $GITHUB_OUTPUT takes only the classroom format (its step output "result")`,
      );
    }
    if (output.kind === "step-summary" && output.format !== "markdown") {
      throw new UsageError(`${shown}: $GITHUB_STEP_SUMMARY takes only the markdown format`);
    }
    checkWritable(output, shown);
    files.push(output);
  };
  for (const value of args.out ?? []) {
    const { format, path } = parseOut(value);
    add({ format, path, kind: "file" }, `--out ${value}`);
  }
  const wantsClassroom = print === "classroom" || files.some((f) => f.format === "classroom");
  if (
    github.GITHUB_OUTPUT && wantsClassroom && !files.some((f) => f.kind === "github-output")
  ) {
    add(
      { format: "classroom", path: github.GITHUB_OUTPUT, kind: "github-output" },
      "$GITHUB_OUTPUT (the classroom result)",
    );
  }
  return { print, files };
}

/** Writes `text` to `path` whole: a temporary file beside it, renamed into place. */
async function writeWhole(path: string, text: string): Promise<void> {
  const tmp = `${folderOf(path)}/.${baseOf(path)}.${crypto.randomUUID()}.tmp`;
  try {
    await Deno.writeTextFile(tmp, text, { createNew: true });
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/**
 * Renders and writes every file of `plan`. Returns what could not be written, one line each
 * (empty when all were); never throws for a file that cannot be written.
 */
export async function writeOutputs(
  plan: OutputPlan,
  report: Report,
  options: RenderOptions,
): Promise<string[]> {
  const rendered = new Map<Format, Promise<string>>();
  const text = (format: Format) => {
    if (!rendered.has(format)) {
      rendered.set(format, render(format, report, { replay: options.replay, color: false }));
    }
    return rendered.get(format)!;
  };
  const failures: string[] = [];
  for (const output of plan.files) {
    try {
      if (output.kind === "github-output") {
        const { classroomStepOutput } = await import("./reporters/classroom.ts");
        await Deno.writeTextFile(output.path, classroomStepOutput(report), { append: true });
      } else if (output.kind === "step-summary") {
        await Deno.writeTextFile(output.path, await text(output.format), { append: true });
      } else {
        await writeWhole(output.path, await text(output.format));
      }
    } catch (e) {
      failures.push(`could not write ${output.format} to ${output.path}: ${(e as Error).message}`);
    }
  }
  return failures;
}

/** Where a learner's grading on a terminal writes the curves, relative to the kit's folder. */
export const CURVES_FILE = ".cache/curves.html";

/**
 * The learner's default for the curves (the `html` format): written to `<kitDir>/`
 * {@linkcode CURVES_FILE} when the report is printed for a person at a terminal, no
 * `--out html=` was given, and some test drew curves; otherwise undefined (nothing written).
 * A pipe, a log or CI (no terminal) never gets a file it did not ask for.
 *
 * @example
 * ```ts ignore
 * curvesOutput(plan, report, { isTerminal: true, kitDir: "/kit" });
 * // { format: "html", path: "/kit/.cache/curves.html", kind: "file" }
 * ```
 */
export function curvesOutput(
  plan: OutputPlan,
  report: Report,
  where: { isTerminal: boolean; kitDir: string },
): Output | undefined {
  if (!where.isTerminal || plan.print !== "terminal") return undefined;
  if (plan.files.some((f) => f.format === "html")) return undefined;
  if (!hasCurves(report)) return undefined;
  return { format: "html", path: `${where.kitDir}/${CURVES_FILE}`, kind: "file" };
}
