/**
 * The sandboxes of a grading session and the private folder they may read. A pool imports
 * nothing but the sandbox and the staging code, so the command line can start it before it
 * loads the rest of the grader: a sandbox then boots (20–30 ms) on the other core while the
 * grader's own modules load.
 *
 * @module
 */

import { DEFAULT_LIMITS, type Limits, Sandbox, SANDBOX_MODULES } from "./sandbox/sandbox.ts";
import { createStaging, leaveStaging, removeStaging, type Staging } from "./staging.ts";
import { SlotLock } from "./slot_lock.ts";

/** The kit's root folder (the parent of `grader/`). */
export const KIT_DIR = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** The size above which {@linkcode trimSandboxCache} drops one of Deno's cache databases. */
export const MAX_CACHE_DB_BYTES = 32 << 20;

/** The databases of a Deno cache folder that keep a row per module path and never prune. */
const GROWING_DBS = ["dep_analysis_cache_v2", "v8_code_cache_v2"];

/**
 * Keeps the sandboxes' Deno cache bounded. Deno's dependency-analysis cache and V8's code cache
 * keep a row (about 450 bytes, and 1–3 kB) for every module they have seen and never prune, and
 * gradings that find every reusable staging folder taken, and the snapshots of watch mode, stage
 * the exercises at new paths: once a database passes {@linkcode MAX_CACHE_DB_BYTES}, it is removed
 * (Deno builds a new one; they only save re-parsing and re-compiling unchanged files).
 */
export function trimSandboxCache(denoDir: string, max = MAX_CACHE_DB_BYTES): void {
  for (const name of GROWING_DBS) {
    const db = `${denoDir}/${name}`;
    const files = [db, `${db}-wal`, `${db}-shm`];
    let size = 0;
    for (const f of files) {
      try {
        size += Deno.statSync(f).size;
      } catch {
        // not there
      }
    }
    if (size <= max) continue;
    for (const f of files) {
      try {
        Deno.removeSync(f);
      } catch {
        // already gone
      }
    }
  }
}

/** A warm sandbox stays in use for this many gradings, then is replaced (modules pile up). */
const GRADINGS_PER_SANDBOX = 50;

/** Hands out a live sandbox, starting a new one when the last one died. */
export interface SandboxSlot {
  get(): Sandbox;
  /** Held shared by exercises graded side by side in the slot, exclusively by one graded alone. */
  readonly lock: SlotLock;
}

/**
 * Sandboxes a grading runs by default: one. Every exercise of a grading is in flight at once
 * (see `grade.ts`), so the one sandbox runs some exercise's call while the grader, on the other
 * core, checks the replies; the grader's checks are the larger share of the work. Measured on
 * grading every exercise: one sandbox 110 ms, two 122 ms (a second process to start costs more
 * than it runs in parallel). `--jobs` runs more, for learner code that computes for long.
 */
export const DEFAULT_JOBS = 1;

/** What a pool is started with. */
export interface PoolOptions {
  /** Sandboxes run at once. */
  jobs: number;
  limits?: Partial<Limits>;
}

interface Slot extends SandboxSlot {
  current?: Sandbox;
  uses: number;
}

/**
 * A staging folder and `jobs` sandbox slots, each holding a warm sandbox. Every sandbox is
 * started at once, so they boot in parallel; a dead one is replaced when its slot is next used.
 */
export class SandboxPool {
  /** The folder the sandboxes may read (snapshots of the submission go in it). */
  readonly staging: Staging;
  /** The limits every sandbox of the pool runs with. */
  readonly limits: Limits;
  readonly #slots: Slot[];
  /** Sandboxes set aside for one slow exercise each, stopped at the next grading or at close. */
  #setAside: Sandbox[] = [];
  readonly #denoDir = `${KIT_DIR}/.cache/sandbox-deno`;
  #closed: Promise<void> | undefined;

  private constructor(options: PoolOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.staging = createStaging(`${KIT_DIR}/lib`, `${KIT_DIR}/.cache/staging`);
    const sandboxDir = `${KIT_DIR}/grader/sandbox`;
    const sandboxOptions = {
      mainModule: `${sandboxDir}/host.ts`,
      allowRead: [
        this.staging.snapshotsDir,
        `${KIT_DIR}/lib`,
        ...SANDBOX_MODULES.map((m) => `${sandboxDir}/${m}`),
      ],
      importMapPath: this.staging.importMapPath,
      denoDir: this.#denoDir,
      cwd: this.staging.snapshotsDir,
      limits: this.limits,
    };
    let started = 0;
    this.#slots = Array.from({ length: Math.max(1, options.jobs) }, () => {
      const slot: Slot = {
        uses: 0,
        lock: new SlotLock(),
        get: () => {
          // A closed pool starts nothing: its dead sandbox refuses every request.
          const current = slot.current;
          if ((!current?.alive || current.isSetAside) && !this.#closed) {
            const socketPath = `${this.staging.socketsDir}/${started++}`;
            const sandbox: Sandbox = new Sandbox({
              ...sandboxOptions,
              socketPath,
              // A slow call keeps this sandbox; the exercises waiting behind it move to a new one.
              onSlow: () => {
                sandbox.setAside();
                this.#setAside.push(sandbox);
              },
            });
            slot.current = sandbox;
          }
          return slot.current!;
        },
      };
      return slot;
    });
    try {
      for (const slot of this.#slots) slot.get();
    } catch (e) {
      // Deno refused the socket (no net permission?): stop what started, free the folder.
      this.close();
      throw e;
    }
  }

  /** Creates the staging folder and starts `jobs` sandboxes. */
  static start(options: PoolOptions): SandboxPool {
    return new SandboxPool(options);
  }

  /** Sandboxes run at once. */
  get jobs(): number {
    return this.#slots.length;
  }

  /** Whether the pool runs `jobs` sandboxes with these limits (and is not closed). */
  fits(jobs: number, limits: Limits): boolean {
    const mine = this.limits;
    return !this.#closed && this.jobs === jobs && mine.timeMs === limits.timeMs &&
      mine.memoryMb === limits.memoryMb && mine.outputChars === limits.outputChars;
  }

  /**
   * The slots for the next grading of `exercises` exercises (at most one per exercise). A
   * sandbox that has served {@linkcode GRADINGS_PER_SANDBOX} gradings is replaced first.
   */
  async take(exercises: number): Promise<SandboxSlot[]> {
    await this.#stopSetAside();
    const slots = this.#slots.slice(0, Math.max(1, exercises));
    for (const slot of slots) {
      if (slot.uses++ >= GRADINGS_PER_SANDBOX) {
        await slot.current?.close();
        slot.uses = 1;
      }
    }
    return slots;
  }

  /** Stops the sandboxes set aside during the last grading. */
  async #stopSetAside(): Promise<void> {
    const stopping = this.#setAside;
    this.#setAside = [];
    await Promise.all(stopping.map((s) => s.close()));
  }

  /**
   * For a grader about to exit (a one-shot grading): ends the pool without waiting. The idle
   * sandboxes end by themselves when this process does (see {@linkcode Sandbox.abandon}), and the
   * staged files of a reusable folder stay for the next grading that takes it, which clears them
   * first; a temporary folder is removed. Waiting for the sandboxes to end and removing the files
   * cost about 4 ms at the end of every run.
   */
  abandon(): void {
    if (this.#closed) return;
    this.#closed = Promise.resolve();
    for (const sandbox of [...this.#slots.map((s) => s.current), ...this.#setAside]) {
      sandbox?.abandon();
    }
    leaveStaging(this.staging);
    if (!this.staging.lock) {
      try {
        Deno.removeSync(`${this.#denoDir}/gen/file${this.staging.root}`, { recursive: true });
      } catch {
        // nothing transpiled there
      }
    }
    trimSandboxCache(this.#denoDir);
  }

  /**
   * Stops the sandboxes and removes the staged files (and, for a temporary staging folder, what
   * Deno cached of it).
   */
  close(): Promise<void> {
    return this.#closed ??= (async () => {
      // Each close kills its process at once; the folder can go while they end.
      await Promise.all([
        removeStaging(this.staging),
        this.#stopSetAside(),
        ...this.#slots.map((s) => s.current?.close()),
      ]);
      // What Deno transpiled of a reusable folder's first snapshot is kept: the next run stages
      // there too. The rest (a temporary folder, watch mode's later snapshots) cannot be reused.
      const generated = `${this.#denoDir}/gen/file`;
      const stale = this.staging.lock
        ? Array.from(
          { length: this.staging.count - 1 },
          (_, k) => `${generated}${this.staging.snapshotsDir}/${k + 2}`,
        )
        : [`${generated}${this.staging.root}`];
      await Promise.all(stale.map((dir) => Deno.remove(dir, { recursive: true }).catch(() => {})));
      trimSandboxCache(this.#denoDir);
    })();
  }
}
