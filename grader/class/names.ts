/**
 * Submission names made into file names: the class command writes `<out>/<name>.json` for each
 * submission, and a name comes from a folder in the class folder or a roster's cell, so it may
 * hold anything (`../../etc`, `Ada Lovelace`, `CON`, `gradebook`, two names that differ only in
 * case). A file name here is ASCII letters, digits, `.`, `_` and `-`, never starts with `.` or
 * `-`, is at most {@linkcode MAX_NAME_CHARS} long, is none of the output folder's own names or the
 * devices Windows reserves, and no two submissions share one, compared without case (macOS and
 * Windows file systems ignore it).
 *
 * A name that is already safe is kept as is. One that is not is cleaned and given a suffix from a
 * hash of the original (`Ada Lovelace` → `Ada_Lovelace-1c2f9a0e`): the file name of a submission
 * then does not depend on what else is in the class, so a resumed run that finds one more
 * submission names the others' files as before.
 *
 * @module
 */

import { sha256Hex } from "./hash.ts";

/** The longest file name given to a submission, suffix included (before `.json`). */
export const MAX_NAME_CHARS = 80;

/** Names the output folder uses itself (compared without case). */
export const RESERVED_NAMES: readonly string[] = ["gradebook"];

/** Device names Windows reserves, whatever the extension. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Whether `name` can be a file name as it is (see the module's doc). */
export function isSafeName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) && name.length <= MAX_NAME_CHARS &&
    !WINDOWS_DEVICES.test(name) && !RESERVED_NAMES.includes(name.toLowerCase()) &&
    !name.endsWith(".");
}

/** `name` cleaned and suffixed with `-` and `hexDigits` digits of its hash. */
async function withHash(name: string, hexDigits: number): Promise<string> {
  const hash = (await sha256Hex(new TextEncoder().encode(name))).slice(0, hexDigits);
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._-]+/, "")
    .replace(/\.+$/, "").slice(0, MAX_NAME_CHARS - hexDigits - 1);
  return `${cleaned || "submission"}-${hash}`;
}

/**
 * A file name for each of `names` (in the same order): see the module's doc. Names must be
 * distinct (the caller refuses duplicates).
 *
 * @example
 * ```ts ignore
 * await fileNames(["ada", "../x", "Ada"]); // ["ada", "x-…", "Ada-…"]
 * ```
 */
export async function fileNames(names: readonly string[]): Promise<string[]> {
  const out = await Promise.all(names.map((n) => isSafeName(n) ? n : withHash(n, 8)));
  // Kept names come first: a name that was safe keeps its file, a renamed one gives way.
  const taken = new Set<string>();
  const order = names.map((_, i) => i).sort((a, b) =>
    Number(out[a] !== names[a]) - Number(out[b] !== names[b]) || (names[a] < names[b] ? -1 : 1)
  );
  for (const i of order) {
    let candidate = out[i];
    for (let digits = 16; taken.has(candidate.toLowerCase()); digits += 8) {
      candidate = await withHash(`${names[i]}`, Math.min(digits, 64));
      if (digits >= 64) candidate = `${candidate}-${i}`;
    }
    taken.add(candidate.toLowerCase());
    out[i] = candidate;
  }
  return out;
}
