/**
 * The hashes that decide what a resumed class run grades again: a submission's content (the
 * files grading could read), the kit's (everything that decides a verdict) and the key that
 * combines them with the limits and the seed.
 *
 * @module
 */

import { encodeParts, toHex } from "../../lib/sha256.ts";

/** SHA-256 of `bytes`, in hexadecimal. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>),
  );
  return toHex(digest);
}

/** SHA-256 of a list of parts (see `encodeParts`), in hexadecimal. */
export function hashParts(parts: readonly (string | Uint8Array)[]): Promise<string> {
  return sha256Hex(encodeParts(parts));
}

/**
 * Extensions staging copies (`grader/staging.ts`). A file with another extension cannot change
 * a verdict, so it is left out of the hash; listing one too many here would only grade a
 * submission again when it need not be.
 */
const SOURCE_EXTENSIONS = [".ts", ".js", ".mts", ".mjs", ".json"];

/** How deep staging goes (`grader/staging.ts`): deeper files are never graded. */
const MAX_DEPTH = 3;

/**
 * A hash of what grading `dir` could read: every source file (path and bytes) and every
 * symbolic link (path and target: staging lists links in the report) down to the depth staging
 * copies, skipping the dot folders and `node_modules` it skips. A superset of what staging
 * takes, so the same hash means the same graded files (a difference only costs a regrading).
 * Throws if `dir` cannot be read.
 */
export async function contentHash(dir: string): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  const visit = (path: string, shown: string, depth: number) => {
    const entries = [...Deno.readDirSync(path)].sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const child = `${path}/${entry.name}`;
      const name = `${shown}${entry.name}`;
      if (entry.isSymlink) {
        let target = "";
        try {
          target = Deno.readLinkSync(child);
        } catch {
          // gone meanwhile
        }
        parts.push("link", name, target);
      } else if (entry.isDirectory) {
        if (depth < MAX_DEPTH && !entry.name.startsWith(".") && entry.name !== "node_modules") {
          parts.push("dir", name);
          visit(child, `${name}/`, depth + 1);
        }
      } else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        let bytes: Uint8Array | string;
        try {
          bytes = Deno.readFileSync(child);
        } catch (e) {
          bytes = `unreadable: ${(e as Error).name}`;
        }
        parts.push("file", name, bytes);
      }
    }
  };
  visit(dir, "", 0);
  return await hashParts(parts);
}

/** The kit's folder. */
const KIT_DIR = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/**
 * A hash of everything in the kit that decides a verdict: the grader's and `lib/`'s source files
 * (tests and benchmarks aside), `deno.json`, and the Deno version. Another spec, another
 * checker or another Deno grades every submission again.
 */
export async function kitHash(kitDir = KIT_DIR): Promise<string> {
  const parts: (string | Uint8Array)[] = [Deno.version.deno];
  const visit = (rel: string) => {
    const entries = [...Deno.readDirSync(`${kitDir}/${rel}`)].sort((a, b) =>
      a.name < b.name ? -1 : 1
    );
    for (const entry of entries) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory) {
        if (entry.name !== "bench" && !entry.name.startsWith(".")) visit(path);
      } else if (entry.isFile && entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts")) {
        parts.push(path, Deno.readFileSync(`${kitDir}/${path}`));
      }
    }
  };
  visit("grader");
  visit("lib");
  parts.push("deno.json", Deno.readFileSync(`${kitDir}/deno.json`));
  return await hashParts(parts);
}
