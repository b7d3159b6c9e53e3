/**
 * What the terminal the kit prints to allows: colors, and how wide a line may be.
 *
 * @module
 */

import { DEFAULT_WIDTH } from "../reporters/terminal.ts";

/** What {@linkcode useColor} and {@linkcode terminalWidth} look at (the real ones by default). */
export interface Terminal {
  env: { get(name: string): string | undefined };
  isTerminal(): boolean;
  columns?(): number;
}

const REAL: Terminal = {
  env: Deno.env,
  isTerminal: () => Deno.stdout.isTerminal(),
  columns: () => Deno.consoleSize().columns,
};

/**
 * Whether to print colors: only to a terminal, and never under `NO_COLOR` (set to anything but
 * the empty string, as no-color.org says) or `TERM=dumb`.
 */
export function useColor(t: Terminal = REAL): boolean {
  if ((t.env.get("NO_COLOR") ?? "") !== "") return false;
  if (t.env.get("TERM") === "dumb") return false;
  return t.isTerminal();
}

/**
 * Whether the terminal can show block characters (curves drawn as ▁▂▃▄▅▆▇█): not under
 * `TERM=dumb`, nor when the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) is set to one that
 * is not UTF-8 (`C`, `POSIX`, `en_US.ISO-8859-1`). An unset locale counts as UTF-8: the
 * default of the terminals the kit is used in.
 */
export function useUnicode(t: Terminal = REAL): boolean {
  if (t.env.get("TERM") === "dumb") return false;
  const locale = t.env.get("LC_ALL") || t.env.get("LC_CTYPE") || t.env.get("LANG") || "";
  return locale === "" || /utf-?8/i.test(locale);
}

/** The columns to wrap at: the terminal's width, else `COLUMNS`, else 80. */
export function terminalWidth(t: Terminal = REAL): number {
  if (t.isTerminal() && t.columns) {
    try {
      const columns = t.columns();
      if (columns >= 20) return columns;
    } catch {
      // not a console after all
    }
  }
  const columns = Number(t.env.get("COLUMNS"));
  return Number.isInteger(columns) && columns >= 20 ? columns : DEFAULT_WIDTH;
}

/** Clears the screen and moves the cursor home, on a terminal only (nothing in a pipe or a log). */
export function clearScreen(t: Terminal = REAL): string {
  return t.isTerminal() && t.env.get("TERM") !== "dumb" ? "\x1b[2J\x1b[3J\x1b[H" : "";
}

/** A progress bar: `[######----------] 6/16`. */
export function progressBar(done: number, total: number, width = 16): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}
