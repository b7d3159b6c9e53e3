/**
 * The output formats of a report, by name, and the one way to render one. Each format is a
 * module of this folder, a pure view of the {@linkcode Report}; the terminal and JSON views are
 * loaded with the grader, the others only when asked for (`--format`, `--out`).
 *
 * | name         | what                                                       | module          |
 * | ------------ | ---------------------------------------------------------- | --------------- |
 * | `terminal`   | for a person (`human` is another name for it)              | `terminal.ts`   |
 * | `json`       | the kit's report (schema version 2)                        | `json.ts`       |
 * | `gradescope` | Gradescope's `results.json`                                | `gradescope.ts` |
 * | `junit`      | JUnit XML, as CI servers read it                           | `junit.ts`      |
 * | `classroom`  | the result GitHub Classroom's autograding reporter reads   | `classroom.ts`  |
 * | `markdown`   | a summary for a CI job's summary page                      | `markdown.ts`   |
 * | `html`       | the tests' curves as charts, one self-contained page       | `html.ts`       |
 *
 * @module
 */

import type { Report } from "../report.ts";
import { renderJson } from "./json.ts";
import { renderTerminal } from "./terminal.ts";

/** The formats' names, in the order `--help` lists them. */
export const FORMATS = [
  "terminal",
  "json",
  "gradescope",
  "junit",
  "classroom",
  "markdown",
  "html",
] as const;

/** An output format. */
export type Format = typeof FORMATS[number];

/** Other names a format answers to: `human` is what `terminal` was called before. */
export const FORMAT_ALIASES: Readonly<Record<string, Format>> = { human: "terminal" };

/**
 * The format a name means (an alias included), or undefined for an unknown name.
 *
 * @example
 * ```ts
 * formatNamed("human"); // "terminal"
 * formatNamed("xml"); // undefined
 * ```
 */
export function formatNamed(name: string): Format | undefined {
  if ((FORMATS as readonly string[]).includes(name)) return name as Format;
  return Object.hasOwn(FORMAT_ALIASES, name) ? FORMAT_ALIASES[name] : undefined;
}

/** What rendering needs besides the report. */
export interface RenderOptions {
  /** The command that replays the run exactly (never holds the secret). */
  replay?: string;
  /** Colors, for the terminal format printed to a terminal. */
  color?: boolean;
  /** For the terminal format: columns to wrap at (default 80). */
  width?: number;
  /** For the terminal format: everything, not the short default. */
  verbose?: boolean;
  /** For the terminal format: curves in plain ASCII, not block characters. */
  ascii?: boolean;
}

/**
 * Renders `report` in `format`, loading the format's module if it is not loaded yet.
 *
 * @example
 * ```ts ignore
 * const xml = await render("junit", report, { replay });
 * ```
 */
export async function render(
  format: Format,
  report: Report,
  options: RenderOptions = {},
): Promise<string> {
  switch (format) {
    case "terminal":
      return renderTerminal(report, {
        color: options.color ?? false,
        replay: options.replay,
        width: options.width,
        verbose: options.verbose,
        ascii: options.ascii,
      });
    case "json":
      return renderJson(report);
    case "gradescope":
      return (await import("./gradescope.ts")).renderGradescope(report, options);
    case "junit":
      return (await import("./junit.ts")).renderJunit(report);
    case "classroom":
      return (await import("./classroom.ts")).renderClassroom(report);
    case "markdown":
      return (await import("./markdown.ts")).renderMarkdown(report, options);
    case "html":
      return (await import("./html.ts")).renderHtml(report);
  }
}
