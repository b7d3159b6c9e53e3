/**
 * Staging: the folder the sandbox is allowed to read, built by the grader itself. The
 * submission's source files are copied into it as new regular files; symbolic links, special
 * files, oversized files and dot folders are left out (and said so), because Deno checks read
 * permission on the path as written, not as resolved: a link inside an allowed folder would open
 * the rest of the disk.
 *
 * The submission's folder may change while it is staged (a learner's process, another user on a
 * shared machine), and Deno can neither open a file without following a link (no `O_NOFOLLOW`)
 * nor open one relative to an open folder (no `openat`). So nothing here trusts a path for longer
 * than one call, and every file staged is the very file that was looked at:
 *
 * - **Folders are entered, not walked through.** The grader changes its working folder into each
 *   folder (`Deno.chdir`) and checks that `.` is the folder `lstat` saw (its device and inode, and
 *   that it was a folder, not a link). From then on every name is looked up relative to that
 *   folder, whatever happens to the path that led to it: a folder swapped for a link, before or
 *   after its listing, is refused, never followed. The working folder is put back before
 *   {@linkcode copySubmission} returns. (Staging is synchronous: no other code of the grader runs
 *   in between, and Deno resolves the relative paths of its asynchronous calls when they are
 *   made.)
 * - **Files are read through the descriptor that was checked.** Each source file is `lstat`ed,
 *   opened, and the open file's `fstat` must show the same device and inode and a regular file;
 *   its bytes are read from that open file, at most {@linkcode MAX_FILE_BYTES} of what is
 *   actually read (a file that grows past it after its `stat` is refused), and written to a new
 *   file. No hard links: a hard link made to a path that was swapped is exactly the hole.
 * - **The kit's answers are refused.** A folder whose real path (the kernel's, `Deno.cwd()` once
 *   entered) is in one of the kit's answer folders ({@linkcode KIT_ANSWER_PATHS}: `solutions/`,
 *   and `grader/` with the hidden tests) is refused whole; a file with more than one link is
 *   refused if its device and inode are those of anything in them (a hard link to a solution,
 *   whatever its path). Those identities are collected once per staging folder, at the first
 *   such file (about 200 `lstat`s: 1.6–2.8 ms on a busy machine); a file with one link that is
 *   one of the kit's can only be reached through an answer folder. The kit grades its own
 *   `solutions/` (the catalogue check, `deno task grade --dir solutions`): a grading of a folder
 *   that is, as named, inside an answer folder ({@linkcode isKitAnswerFolder}) is `trusted` and
 *   skips this one check. The decision is taken on the name the grader was given (made absolute
 *   without following links) and on where it really leads, both inside: a submission that is a
 *   link to `solutions/` is not trusted, and then it is refused whole.
 * - **The staged tree is checked once more** for anything that is not a regular file with one
 *   link or a folder, before any sandbox is given it: {@linkcode StagingTampered} if something
 *   is found (only something writing into the grader's private folder could cause it).
 *
 * Not covered: a file swapped for a link to a FIFO between its `lstat` and its open makes the
 * open wait for a writer (Deno cannot open without blocking), which stalls the grading but leaks
 * nothing; a root-only bind mount of a single kit file. {@linkcode CopyOptions.onRace} lets
 * tests act at the racy moments.
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

/** The kit's root folder (the parent of `grader/`). */
const KIT_DIR = decodeURIComponent(new URL("..", import.meta.url).pathname).replace(/\/$/, "");

/**
 * What of the kit holds answers or hidden tests: no submitted file may be one of these files (or
 * folders), whatever its path. Files or folders; a missing one is ignored.
 */
export const KIT_ANSWER_PATHS: readonly string[] = [`${KIT_DIR}/solutions`, `${KIT_DIR}/grader`];

/**
 * Something changed the grader's private folder while it staged a submission: the staged tree
 * holds a link or a special file. Nothing is graded.
 */
export class StagingTampered extends Error {
  constructor(dir: string, found: string[]) {
    super(
      `the staged copy of the submission in ${dir} holds ${found.join(", ")}: expected only ` +
        "regular files (one link each) and folders; something wrote into the grader's private " +
        "folder while it was staging, so nothing was graded",
    );
    this.name = "StagingTampered";
  }
}

/**
 * The racy moments of staging, for tests: `"checked"` after an entry's `lstat` and before it is
 * opened (a file) or entered (a folder); `"listed"` after a folder's listing and before its
 * entries are looked at; `"staged"` after the copy and before the final check of the staged tree
 * (`path` is the staged folder). Other paths are the submission's, absolute.
 */
export type RaceHook = (moment: "checked" | "listed" | "staged", path: string) => void;

/** How {@linkcode copySubmission} stages a folder. */
export interface CopyOptions {
  /** Files (name → text) written beside the staged files (the kit's own tests use it). */
  extraFiles?: Record<string, string>;
  /**
   * The folder is one of the kit's answer folders ({@linkcode isKitAnswerFolder}): its files are
   * not refused for being the kit's own. Every other check still applies. Default: whether
   * `sourceDir`, as named, is one; a caller that passes a path it resolved itself (the grading
   * session passes the real path of the folder it was given) decides on the name it was given.
   */
  trusted?: boolean;
  /** Called at each racy moment (a test seam; see {@linkcode RaceHook}). */
  onRace?: RaceHook;
}

/** A file's identity on this machine, `dev:ino`, from `lstat`, `stat` or `fstat`. */
function identity(info: Deno.FileInfo): string {
  if (info.ino === null) throw new Error("this system does not report inode numbers");
  return `${info.dev}:${info.ino}`;
}

/** Skipped files listed one by one; the rest are counted (a submission may hold thousands). */
export const MAX_SKIPPED_LISTED = 50;

/** Lists a skipped file, or counts it past {@linkcode MAX_SKIPPED_LISTED}. */
function skip(walk: Walk, why: string): void {
  if (walk.skipped.length < MAX_SKIPPED_LISTED) walk.skipped.push(why);
  else walk.skippedMore++;
}

/** What one walk over a submission needs. */
interface Walk {
  skipped: string[];
  /** Skipped files beyond {@linkcode MAX_SKIPPED_LISTED}. */
  skippedMore: number;
  /** What is refused for being the kit's own; undefined for a trusted folder. */
  answers?: {
    /** The real paths of the kit's answer folders. */
    dirs: readonly string[];
    /** The identities of everything in them (collected at the first file that needs them). */
    identities(): ReadonlySet<string>;
  };
  onRace?: RaceHook;
}

/**
 * Collects the identities of everything under `paths` (not following links): about 200 `lstat`s
 * for the kit's answer folders.
 */
export function collectIdentities(paths: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visit = (path: string, info: Deno.FileInfo) => {
    found.add(identity(info));
    if (!info.isDirectory) return;
    for (const entry of Deno.readDirSync(path)) {
      const child = `${path}/${entry.name}`;
      try {
        visit(child, Deno.lstatSync(child));
      } catch {
        // removed meanwhile
      }
    }
  };
  for (const path of paths) {
    let info: Deno.FileInfo;
    try {
      info = Deno.lstatSync(path);
    } catch {
      continue;
    }
    visit(path, info);
  }
  return found;
}

/** `path` made absolute against the working folder and normalized, following no link. */
function absoluteAsNamed(path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith("/") ? path : `${Deno.cwd()}/${path}`).split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "" && part !== ".") parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/** The real paths of those of `paths` that exist. */
function realPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    try {
      return [Deno.realPathSync(path)];
    } catch {
      return [];
    }
  });
}

function inside(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

/**
 * Whether `dir` (relative to the working folder, as the grader was given it) is one of the kit's
 * answer folders or inside one: as named (no link followed) and where it really leads, both. Such
 * a folder is staged with `trusted` (see the module's doc); a link from elsewhere to `solutions/`
 * is not.
 *
 * @example
 * ```ts ignore
 * isKitAnswerFolder("solutions"); // true, run from the kit's root
 * isKitAnswerFolder("exercises"); // false
 * ```
 */
export function isKitAnswerFolder(dir: string): boolean {
  let real: string;
  try {
    real = Deno.realPathSync(dir);
  } catch {
    return false;
  }
  const named = absoluteAsNamed(dir);
  return KIT_ANSWER_PATHS.some((answers) => {
    let realAnswers: string;
    try {
      realAnswers = Deno.realPathSync(answers);
    } catch {
      return false;
    }
    return (inside(named, answers) || inside(named, realAnswers)) && inside(real, realAnswers);
  });
}

/** Why a file could not be looked at, for the skipped files. */
function unreadable(e: unknown): string {
  return e instanceof Deno.errors.NotFound
    ? "disappeared while it was being staged"
    : `could not be read (${(e as Error).message})`;
}

/**
 * Reads what `file` holds, at most `MAX_FILE_BYTES` bytes: `undefined` if there is more. Starts
 * with the size `stat` gave (and a byte to spare, which shows growth).
 */
function readCapped(file: Deno.FsFile, size: number): Uint8Array | undefined {
  let buffer = new Uint8Array(Math.min(size, MAX_FILE_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_FILE_BYTES) return undefined;
      const larger = new Uint8Array(Math.min(2 * length, MAX_FILE_BYTES + 1));
      larger.set(buffer);
      buffer = larger;
    }
    const n = file.readSync(buffer.subarray(length));
    if (n === null) return buffer.subarray(0, length);
    length += n;
  }
}

/** One source file to stage: its name in the working folder and what `lstat` showed. */
interface SourceFile {
  name: string;
  /** Its absolute path, for {@linkcode CopyOptions.onRace}. */
  path: string;
  seen: Deno.FileInfo;
  /** Where the copy goes. */
  target: string;
  /** Its name in the report. */
  shown: string;
}

/** Copies a regular file of the working folder to its target, or says why not. */
function stageFile(walk: Walk, { name, path, seen, target, shown }: SourceFile): void {
  if (seen.size > MAX_FILE_BYTES) {
    skip(walk, `${shown}: larger than ${MAX_FILE_BYTES >> 20} MiB`);
    return;
  }
  walk.onRace?.("checked", path);
  let bytes: Uint8Array | undefined;
  let file: Deno.FsFile | undefined;
  try {
    file = Deno.openSync(name);
    const opened = file.statSync();
    if (!opened.isFile || identity(opened) !== identity(seen)) {
      skip(
        walk,
        `${shown}: changed while it was being staged (the file opened is not the file listed: ` +
          "a link or another file took its place)",
      );
      return;
    }
    // A file with one link that is one of the kit's is in an answer folder, which is refused
    // whole: only a file with more links needs the kit's identities.
    if (opened.nlink !== 1 && walk.answers?.identities().has(identity(opened))) {
      skip(
        walk,
        `${shown}: the same file (a hard link) as one of the kit's own in solutions/ or grader/`,
      );
      return;
    }
    bytes = readCapped(file, opened.size);
  } catch (e) {
    skip(walk, `${shown}: ${unreadable(e)}`);
    return;
  } finally {
    file?.close();
  }
  if (bytes === undefined) {
    skip(walk, `${shown}: grew past ${MAX_FILE_BYTES >> 20} MiB while it was being staged`);
    return;
  }
  Deno.writeFileSync(target, bytes, { createNew: true });
}

/**
 * Stages the folder at `path` (absolute), which `lstat` showed as the folder `seen`, into `to`
 * (created here, except the top one's): enters it, checks it is that folder, and copies its
 * source files, then its folders. Leaves the working folder somewhere in the submission (the
 * caller restores it).
 */
function stageFolder(
  walk: Walk,
  folder: { path: string; seen: Deno.FileInfo; to: string; shown: string; depth: number },
): void {
  const { path, seen, to, shown, depth } = folder;
  const label = shown.replace(/\/$/, "") || ".";
  let entries: Deno.DirEntry[];
  try {
    Deno.chdir(path);
    const here = Deno.statSync(".");
    if (!here.isDirectory || identity(here) !== identity(seen)) {
      skip(
        walk,
        `${label}: changed while it was being staged (a link or another folder took its place)`,
      );
      return;
    }
    // The kernel's path of the folder now entered: where it really is, whatever led there.
    const real = Deno.cwd();
    if (walk.answers?.dirs.some((dir) => inside(real, dir))) {
      skip(walk, `${label}: one of the kit's own folders (solutions/ or grader/)`);
      return;
    }
    entries = [...Deno.readDirSync(".")];
    if (depth > 0) Deno.mkdirSync(to);
  } catch (e) {
    skip(walk, `${label}: ${unreadable(e)}`);
    return;
  }
  walk.onRace?.("listed", path);
  const folders: { name: string; seen: Deno.FileInfo }[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const isSource = SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
    // The listing only says which entries to look at; what they are is what lstat says now.
    if (!isSource && !entry.isDirectory && !entry.isSymlink) continue;
    let info: Deno.FileInfo;
    try {
      info = Deno.lstatSync(name);
    } catch (e) {
      skip(walk, `${shown}${name}: ${unreadable(e)}`);
      continue;
    }
    if (info.isSymlink) {
      skip(walk, `${shown}${name}: a symbolic link (only regular files are graded)`);
    } else if (info.isDirectory) {
      if (!name.startsWith(".") && name !== "node_modules" && depth < MAX_DEPTH) {
        folders.push({ name, seen: info });
      }
    } else if (info.isFile && isSource) {
      stageFile(walk, {
        name,
        path: `${path}/${name}`,
        seen: info,
        target: `${to}/${name}`,
        shown: shown + name,
      });
    }
  }
  for (const { name, seen } of folders) {
    walk.onRace?.("checked", `${path}/${name}`);
    stageFolder(walk, {
      path: `${path}/${name}`,
      seen,
      to: `${to}/${name}`,
      shown: `${shown}${name}/`,
      depth: depth + 1,
    });
  }
}

/**
 * What of the staged tree at `dir` is not a regular file with a single link or a folder (see
 * {@linkcode StagingTampered}).
 */
function strangeEntries(dir: string, shown = ""): string[] {
  const found: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    const info = Deno.lstatSync(path);
    if (info.isDirectory) found.push(...strangeEntries(path, `${shown}${entry.name}/`));
    else if (info.isSymlink) found.push(`a symbolic link (${shown}${entry.name})`);
    else if (!info.isFile) found.push(`a special file (${shown}${entry.name})`);
    else if (info.nlink !== 1) {
      found.push(`a file with ${info.nlink} links (${shown}${entry.name})`);
    }
  }
  return found;
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
  /** The real paths of {@linkcode KIT_ANSWER_PATHS}, found at the first untrusted copy. */
  kitAnswerDirs?: string[];
  /**
   * The identities of everything in {@linkcode KIT_ANSWER_PATHS}, collected at the first file
   * with more than one link.
   */
  kitAnswers?: Set<string>;
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
 * Stages the submission in `sourceDir` (absolute; its source files, and those of its folders up
 * to three levels down) as a new snapshot, recording what was left out and why (see the module's
 * doc for the checks). Throws {@linkcode StagingTampered} if the staged tree is not what was
 * copied, and an error if `sourceDir` is not a folder (a link, or gone).
 *
 * @example
 * ```ts ignore
 * const snapshot = copySubmission(staging, "/home/ada/gradkit/exercises");
 * snapshot.skipped; // ["notes/link.ts: a symbolic link (only regular files are graded)"]
 * ```
 */
export function copySubmission(
  staging: Staging,
  sourceDir: string,
  options: CopyOptions = {},
): Snapshot {
  const exercisesDir = `${staging.snapshotsDir}/${++staging.count}/exercises`;
  Deno.mkdirSync(exercisesDir, { recursive: true });
  const trusted = options.trusted ?? isKitAnswerFolder(sourceDir);
  const walk: Walk = {
    skipped: [],
    skippedMore: 0,
    answers: trusted ? undefined : {
      dirs: staging.kitAnswerDirs ??= realPaths(KIT_ANSWER_PATHS),
      identities: () => staging.kitAnswers ??= collectIdentities(KIT_ANSWER_PATHS),
    },
    onRace: options.onRace,
  };
  const seen = Deno.lstatSync(sourceDir);
  if (!seen.isDirectory) throw new Error(`${sourceDir} is not a folder (a link, or a file)`);
  let workingDir: string | undefined;
  try {
    workingDir = Deno.cwd();
  } catch {
    // the working folder was removed: relative paths mean nothing anyway
  }
  try {
    stageFolder(walk, { path: sourceDir, seen, to: exercisesDir, shown: "", depth: 0 });
  } finally {
    Deno.chdir(workingDir ?? "/");
  }
  for (const [name, text] of Object.entries(options.extraFiles ?? {})) {
    Deno.writeTextFileSync(`${exercisesDir}/${name}`, text);
  }
  options.onRace?.("staged", exercisesDir);
  const strange = strangeEntries(exercisesDir);
  if (strange.length > 0) throw new StagingTampered(exercisesDir, strange);
  if (walk.skippedMore > 0) walk.skipped.push(`… and ${walk.skippedMore} more files skipped`);
  return { exercisesDir, skipped: walk.skipped };
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
