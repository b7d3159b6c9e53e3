/**
 * Staging: the folder the sandbox is allowed to read, built by the grader itself. The
 * submission's files are copied into it as regular files; symbolic links, folders, special
 * files and oversized files are left out (and said so), because Deno checks read permission on
 * the path as written, not as resolved: a link inside an allowed folder would open the rest of
 * the disk.
 *
 * @module
 */

import { sandboxImportMap } from "./sandbox/import_map.ts";

/** Extensions of the files copied from a submission. */
const SOURCE_EXTENSIONS = [".ts", ".js", ".mts", ".mjs", ".json"];

/** Largest file copied from a submission. */
export const MAX_FILE_BYTES = 1 << 20;

/** How deep folders inside a submission are copied. */
const MAX_DEPTH = 3;

/**
 * Puts a regular file into the staging folder: a hard link where the file system allows it (a
 * tenth of the cost of a copy; the sandbox can only read it), a copy otherwise.
 */
function stageFile(source: string, target: string): void {
  try {
    Deno.linkSync(source, target);
  } catch {
    Deno.copyFileSync(source, target);
  }
}

function copyTree(from: string, to: string, shown: string, skipped: string[], depth = 0): void {
  // Synchronous on purpose: a submission is a few dozen small files, and Deno's sync calls
  // cost a fraction of the async ones (this runs while the sandboxes boot).
  for (const entry of Deno.readDirSync(from)) {
    const source = `${from}/${entry.name}`;
    const name = shown + entry.name;
    if (entry.isSymlink) {
      skipped.push(`${name}: a symbolic link (only regular files are graded)`);
    } else if (entry.isDirectory) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || depth >= MAX_DEPTH) {
        continue;
      }
      Deno.mkdirSync(`${to}/${entry.name}`);
      copyTree(source, `${to}/${entry.name}`, `${name}/`, skipped, depth + 1);
    } else if (entry.isFile && SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      const info = Deno.lstatSync(source);
      if (info.size > MAX_FILE_BYTES) {
        skipped.push(`${name}: larger than ${MAX_FILE_BYTES >> 20} MiB`);
      } else {
        stageFile(source, `${to}/${entry.name}`);
      }
    }
  }
}

/**
 * A grading session's private folder: the import map, one snapshot of the submission per
 * grading (`snapshots/<n>/exercises/`), and the sandboxes' sockets. The sandboxes may read
 * `snapshotsDir`; a new snapshot has new module URLs, so a warm sandbox loads the new code
 * rather than its cached modules.
 */
export interface Staging {
  /** The session's folder (reusable or temporary); see {@linkcode removeStaging}. */
  root: string;
  /** Holds the snapshots: what the sandboxes may read. */
  snapshotsDir: string;
  /**
   * Where the sandboxes' sockets are created (`sockets/` in `root`, or a temporary folder when
   * that path is too long for a socket's).
   */
  socketsDir: string;
  /** The import map given to the sandbox. */
  importMapPath: string;
  /** Snapshots taken so far. */
  count: number;
  /** Held while the folder is in use, when it is one of the reusable folders (else undefined). */
  lock?: Deno.FsFile;
  /** Settles when what an earlier run left in the folder is removed. */
  cleared: Promise<void>;
}

/** One staged copy of a submission. */
export interface Snapshot {
  /** The staged exercise files. */
  exercisesDir: string;
  /** What was left out of the submission, and why. */
  skipped: string[];
}

/**
 * Longest folder for the sandboxes' sockets, in bytes: a socket's path (the folder and a name of
 * up to 10 bytes) must fit in 104 bytes on Linux and macOS.
 */
export const MAX_SOCKETS_DIR_BYTES = 92;

/** How many reusable staging folders there are: gradings beyond that at once get temporary ones. */
export const REUSABLE_STAGINGS = 8;

/**
 * Takes the first of the folders `reuseDir/0` … `reuseDir/7` that no other grading holds: an
 * exclusive lock on its `.lock` file, which the system releases when the process ends, however it
 * ends. Undefined when all are taken or `reuseDir` cannot be written.
 */
function takeReusable(reuseDir: string): { root: string; lock: Deno.FsFile } | undefined {
  try {
    Deno.mkdirSync(reuseDir, { recursive: true });
  } catch {
    return undefined;
  }
  for (let k = 0; k < REUSABLE_STAGINGS; k++) {
    let lock: Deno.FsFile;
    try {
      lock = Deno.openSync(`${reuseDir}/${k}.lock`, { write: true, create: true });
    } catch {
      return undefined;
    }
    if (lock.tryLockSync(true)) return { root: `${reuseDir}/${k}`, lock };
    lock.close();
  }
  return undefined;
}

/**
 * Creates a session's private folder and its import map, which sends `@gradkit/lib` to
 * `libDir/mod.ts`. The sandboxes can start as soon as it exists; {@linkcode copySubmission}
 * fills it.
 *
 * With `reuseDir`, the folder is one of a few fixed ones under it, held by this session alone
 * (see {@linkcode REUSABLE_STAGINGS}): the exercises then keep their module URLs from one run to
 * the next, and the sandboxes' Deno reuses what it transpiled of the files that did not change
 * (about 12 ms of CPU for the sixteen exercises). What the last run left there (a one-shot run
 * leaves its snapshot: see `SandboxPool.abandon`; a killed one, anything) is moved out of the way
 * and removed on a helper thread ({@linkcode Staging.cleared}). Without `reuseDir`, or when every
 * fixed folder is taken, it is a new temporary folder.
 */
export function createStaging(libDir: string, reuseDir?: string): Staging {
  // Synchronous calls throughout: each async file system call costs a millisecond or more here.
  const reused = reuseDir === undefined ? undefined : takeReusable(reuseDir);
  const root = reused?.root ?? Deno.makeTempDirSync({ prefix: "gradkit-run-" });
  const snapshotsDir = `${root}/snapshots`;
  let socketsDir = `${root}/sockets`;
  const socketsInRoot = new TextEncoder().encode(socketsDir).length <= MAX_SOCKETS_DIR_BYTES;
  const cleared = reused ? clearLeftovers(root) : Promise.resolve();
  Deno.mkdirSync(snapshotsDir);
  if (socketsInRoot) Deno.mkdirSync(socketsDir);
  else socketsDir = Deno.makeTempDirSync({ prefix: "gradkit-sockets-" });
  const importMapPath = `${root}/import_map.json`;
  const libUrl = new URL(`file://${libDir}/`).href;
  Deno.writeTextFileSync(importMapPath, sandboxImportMap(libUrl));
  return {
    root,
    snapshotsDir,
    socketsDir,
    importMapPath,
    count: 0,
    lock: reused?.lock,
    cleared,
  };
}

/** Prefix of what {@linkcode clearLeftovers} moves out of the way in a reusable folder. */
const TRASH_PREFIX = "trash-";

/**
 * Empties a reusable folder of what an earlier run left: its snapshots and sockets are renamed at
 * once (one call each), then removed, with the trash of runs that ended before their removal
 * finished, by Deno's helper threads while this run starts (removing a staged `solutions/` takes
 * 2–3 ms of calls).
 */
function clearLeftovers(root: string): Promise<void> {
  Deno.mkdirSync(root, { recursive: true });
  const trash: string[] = [];
  for (const entry of Deno.readDirSync(root)) {
    const path = `${root}/${entry.name}`;
    if (entry.name.startsWith(TRASH_PREFIX)) {
      trash.push(path);
    } else if (entry.name === "snapshots" || entry.name === "sockets") {
      const moved = `${root}/${TRASH_PREFIX}${crypto.randomUUID()}`;
      Deno.renameSync(path, moved);
      trash.push(moved);
    }
  }
  return Promise.all(trash.map((t) => Deno.remove(t, { recursive: true }).catch(() => {})))
    .then(() => {});
}

/**
 * Stages the submission in `sourceDir` (its source files, and those of its folders up to
 * three levels down) as a new snapshot, recording what was left out. `extraFiles`
 * (name → text) are written beside the staged files (used by the kit's own tests).
 */
export function copySubmission(
  staging: Staging,
  sourceDir: string,
  extraFiles: Record<string, string> = {},
): Snapshot {
  const exercisesDir = `${staging.snapshotsDir}/${++staging.count}/exercises`;
  Deno.mkdirSync(exercisesDir, { recursive: true });
  const skipped: string[] = [];
  copyTree(sourceDir, exercisesDir, "", skipped);
  for (const [name, text] of Object.entries(extraFiles)) {
    Deno.writeTextFileSync(`${exercisesDir}/${name}`, text);
  }
  return { exercisesDir, skipped };
}

/** Removes one snapshot (a long watch session drops the ones it no longer needs). */
export function removeSnapshot(snapshot: Snapshot): void {
  try {
    Deno.removeSync(snapshot.exercisesDir.replace(/\/exercises$/, ""), { recursive: true });
  } catch {
    // already gone
  }
}

/** The folders of a staging no later session would clear: a temporary root or sockets folder. */
function temporaryDirs(staging: Staging): string[] {
  const dirs = staging.lock ? [] : [staging.root];
  if (!staging.socketsDir.startsWith(`${staging.root}/`)) dirs.push(staging.socketsDir);
  return dirs;
}

/**
 * Ends a session's staging: removes its temporary folders, or the snapshots in its reusable one
 * (and lets another session take it). Asynchronous, unlike the rest of this module: it runs on a
 * helper thread while the sandboxes end, and removing the files takes 5–15 ms here.
 */
export async function removeStaging(staging: Staging): Promise<void> {
  await staging.cleared;
  const dirs = [...temporaryDirs(staging), ...(staging.lock ? [staging.snapshotsDir] : [])];
  await Promise.all(dirs.map((dir) => Deno.remove(dir, { recursive: true }).catch(() => {})));
  staging.lock?.close();
}

/**
 * Ends a session's staging for a process about to exit: removes its temporary folders (rare: all
 * the reusable ones were taken) and leaves a reusable folder's snapshots to the next session that
 * takes it, which clears them first ({@linkcode createStaging}). Its lock goes with the process.
 */
export function leaveStaging(staging: Staging): void {
  for (const dir of temporaryDirs(staging)) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch {
      // already gone
    }
  }
}
