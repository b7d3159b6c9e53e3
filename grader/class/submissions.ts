/**
 * The submissions of a class: every folder of a class folder, or the rows of a roster (a CSV file
 * listing folders already cloned). Each submission is a learner's repository root holding an
 * `exercises/` folder, or an exercises folder itself; only the exercise files are graded.
 *
 * The roster is a CSV file (RFC 4180: commas, fields in double quotes when they hold a comma, a
 * quote or a line break, `""` for a quote inside one; a UTF-8 byte-order mark and CRLF line ends
 * are accepted) whose first row names the columns. Two are read, in any position:
 *
 * - `name`: the learner (or team), unique in the roster; the report's file name comes from it;
 * - `path`: the submission's folder, relative to the roster file's folder (or absolute).
 *
 * Other columns (an email, a GitHub user name, a section) are ignored; blank lines are skipped.
 *
 * @module
 */

import { UsageError } from "../cli_options.ts";
import { fileNames } from "./names.ts";

/** One submission to grade. */
export interface Submission {
  /** The learner's name: a folder's name, or a roster's `name` cell. */
  name: string;
  /** The file name of its report (`<file>.json`): see `names.ts`. */
  file: string;
  /** Its folder, as given (the class folder joined with the name, or the roster's path). */
  folder: string;
}

/** Where a submission's exercise files are: `folder/exercises`, or `folder` itself. */
export function exercisesFolder(folder: string): { dir: string; problem?: string } {
  const inner = `${folder.replace(/\/+$/, "")}/exercises`;
  let info: Deno.FileInfo;
  try {
    info = Deno.lstatSync(inner);
  } catch {
    return { dir: folder };
  }
  if (info.isSymlink) {
    // A learner's repository decides what its `exercises` is: a link could lead to another
    // learner's folder, or the instructor's.
    return {
      dir: inner,
      problem: "its exercises folder is a symbolic link (only a real folder is graded)",
    };
  }
  return { dir: info.isDirectory ? inner : folder };
}

/** Sorts by name (code units: the same order everywhere) and gives each a file name. */
async function named(list: { name: string; folder: string }[]): Promise<Submission[]> {
  list.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const files = await fileNames(list.map((s) => s.name));
  return list.map((s, i) => ({ ...s, file: files[i] }));
}

/**
 * The submissions in a class folder: each folder in it (or link to one), dot folders aside.
 * Throws {@linkcode UsageError} if `classDir` is not a readable folder.
 */
export async function submissionsIn(classDir: string): Promise<Submission[]> {
  const base = classDir.replace(/\/+$/, "") || "/";
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(base)];
  } catch (e) {
    throw new UsageError(`cannot read the class folder ${classDir}: ${(e as Error).message}`);
  }
  const list: { name: string; folder: string }[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const folder = `${base}/${entry.name}`;
    let isDir = entry.isDirectory;
    if (entry.isSymlink) {
      try {
        isDir = Deno.statSync(folder).isDirectory;
      } catch {
        isDir = false;
      }
    }
    if (isDir) list.push({ name: entry.name, folder });
  }
  return await named(list);
}

/** The rows of a CSV text (RFC 4180), each a list of fields; blank lines are skipped. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw new UsageError(`the roster has a quoted field that never ends (line ${rowLine})`);
  }
  if (field !== "" || fields.length > 0) endRow();
  return rows;
}

/**
 * The submissions a roster lists (see the module's doc). Throws {@linkcode UsageError} for a
 * roster that cannot be read, lacks a `name` or `path` column, has a row without either, or names
 * a learner twice.
 */
export async function submissionsInRoster(rosterPath: string): Promise<Submission[]> {
  let text: string;
  try {
    text = Deno.readTextFileSync(rosterPath);
  } catch (e) {
    throw new UsageError(`cannot read the roster ${rosterPath}: ${(e as Error).message}`);
  }
  const [header, ...rows] = parseCsv(text);
  const columns = (header?.fields ?? []).map((c) => c.trim().toLowerCase());
  const nameAt = columns.indexOf("name");
  const pathAt = columns.indexOf("path");
  if (nameAt < 0 || pathAt < 0) {
    throw new UsageError(
      `the roster ${rosterPath} needs a header row with a "name" and a "path" column, got ` +
        `${header ? `"${header.fields.join(",")}"` : "an empty file"}`,
    );
  }
  const slash = rosterPath.lastIndexOf("/");
  const base = slash < 0 ? "." : rosterPath.slice(0, slash) || "/";
  const seen = new Map<string, number>();
  const list: { name: string; folder: string }[] = [];
  for (const { line, fields } of rows) {
    const name = (fields[nameAt] ?? "").trim();
    const path = (fields[pathAt] ?? "").trim();
    if (name === "" || path === "") {
      throw new UsageError(
        `the roster ${rosterPath}, line ${line}: expected a name and a path, got ` +
          `name "${name}" and path "${path}"`,
      );
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new UsageError(
        `the roster ${rosterPath} names "${name}" twice (lines ${earlier} and ${line})`,
      );
    }
    seen.set(name, line);
    list.push({ name, folder: path.startsWith("/") ? path : `${base}/${path}` });
  }
  return await named(list);
}
