/**
 * The grader's handle on one sandboxed process: starts it with the least permissions, sends
 * requests and reads replies over a private Unix socket, and enforces the limits from outside
 * (wall-clock time, resident memory, printed output, reply size; memory and CPU also while the
 * process is idle), killing the process when one is hit.
 *
 * What the process may do: read the staged exercise files, the kit's `lib/` and the harness's
 * own modules, nothing else. No write, network, environment, subprocess, FFI or system
 * information; no remote or npm imports; no configuration file discovery (an explicit import map
 * maps `@gradkit/lib` and refuses `node:` modules); no `eval`; an empty environment. The one
 * exception comes before any exercise code runs: the process's main module (`host.ts`) connects
 * to its socket (Deno asks read, write and net permission on the socket's path for that), and
 * revokes the three before it starts the Web Worker that runs learner code (`worker.ts`).
 *
 * @module
 */

import type { Json } from "./wire.ts";
import { MAX_REPLY_CHARS, parseStarted, type Reply, type Request, workerArgv } from "./protocol.ts";
import { every } from "./ticker.ts";

/** Limits applied to learner code, per exercise. Instructors can set them (see the README). */
export interface Limits {
  /** Wall-clock milliseconds for all calls of one exercise, its import included. */
  timeMs: number;
  /** Resident memory of the sandbox process, in MiB (typed arrays included). */
  memoryMb: number;
  /** Characters of printed output kept per exercise. */
  outputChars: number;
}

/** The default limits: generous for correct code, short enough for a class of hundreds. */
export const DEFAULT_LIMITS: Limits = { timeMs: 10_000, memoryMb: 1024, outputChars: 20_000 };

/** Why the sandbox stopped serving: the limit hit or the way it died. */
export type SandboxFailureKind = "timeout" | "memory" | "output" | "crash";

/** The sandbox process was stopped, or stopped by itself; the request could not be answered. */
export class SandboxFailure extends Error {
  readonly kind: SandboxFailureKind;
  /**
   * Whose code was running when the process stopped, as the request that gets this failure
   * sees it: `"this"` request's, `"another"` request's, or `"none"` (no request had started:
   * code an exercise left running after a call returned, or the process died between requests).
   */
  readonly during: "this" | "another" | "none";
  constructor(
    kind: SandboxFailureKind,
    message: string,
    during: "this" | "another" | "none" = "none",
  ) {
    super(message);
    this.name = "SandboxFailure";
    this.kind = kind;
    this.during = during;
  }

  /** The same failure, as the request `id` sees it when request `running` (if any) was running. */
  seenBy(id: number | undefined, running: number | undefined): SandboxFailure {
    const during = running === undefined ? "none" : id === running ? "this" : "another";
    return new SandboxFailure(this.kind, this.message, during);
  }
}

/**
 * The modules of `grader/sandbox/` that the harness's Worker loads (`worker.ts` and its graph).
 * A Worker's modules are permission-checked, so the process may read these files, and nothing
 * else of `grader/` (its main module, `host.ts`, is not checked: Deno reads a process's main
 * module and its static imports without asking).
 */
export const SANDBOX_MODULES = [
  "worker.ts",
  "wire.ts",
  "lockdown.ts",
  "probes.ts",
  "protocol.ts",
] as const;

/** Where the sandbox runs and what it may read. */
export interface SandboxOptions {
  /** The process's main module (`grader/sandbox/host.ts`). */
  mainModule: string;
  /**
   * Paths the process may read: the staged exercises, the kit's `lib/` and the harness's modules
   * ({@linkcode SANDBOX_MODULES}).
   */
  allowRead: string[];
  /** The import map that sends `@gradkit/lib` to the kit's `lib/mod.ts`. */
  importMapPath: string;
  /** Deno's cache folder for the process (its own, never the grader's). */
  denoDir: string;
  /** The process's working directory. */
  cwd: string;
  /**
   * Where the socket between the grader and this process is created: a path of its own, in a
   * folder only the grader writes to, shorter than 104 bytes (the system's limit).
   */
  socketPath: string;
  limits: Limits;
  /**
   * Called once when a call has run for {@linkcode SLOW_CALL_MS} while requests of other
   * exercises wait behind it (the pool then moves those exercises to a new sandbox: see
   * {@linkcode Sandbox.setAside}).
   */
  onSlow?: () => void;
}

/**
 * V8 flags of the sandbox process. Garbage collection on the main thread only: on two cores,
 * every cycle a helper thread takes is taken from another process of the run. TurboFan, V8's
 * slowest-compiling tier, only for code that runs ten times longer than V8 waits by default:
 * the kit's tests run learner code for milliseconds, which Maglev compiles quickly enough,
 * while a long computation still gets TurboFan's code (compiled on a helper thread, as V8 does
 * by default). And Sparkplug's baseline code for every function from its first call rather
 * than the interpreter: learner code runs mostly cold. Every function compiled when its module
 * loads (`--no-lazy`): with V8's code cache on, the worker's modules, `lib/` and unchanged
 * exercise files are then read whole from the cache. Measured on grading every exercise, with
 * the grader's own flags (see docs/DESIGN.md): about 40 ms less wall time than compiling with
 * TurboFan on the main thread, Sparkplug 10–18 ms less again (about 20 ms less CPU), and
 * `--no-lazy` 4–6 ms less; the bench's medium gradient check, a loop of seconds, ran as fast as
 * with V8's defaults.
 */
export const SANDBOX_V8_FLAGS = [
  "--single-threaded-gc",
  "--invocation-count-for-turbofan=30000",
  "--invocation-count-for-osr=5000",
  "--always-sparkplug",
  "--no-lazy",
];

/**
 * The command-line flags the worker process starts with. Exported for tests.
 *
 * V8's code cache stays on (in the sandbox's own Deno folder): its entries are keyed by module
 * URL and a hash of the source, so the worker's own modules, `lib/`, and the exercise files of a
 * reusable staging folder that did not change are not compiled again (measured: 7 ms less wall
 * time grading every exercise). The pool keeps the cache bounded (`trimSandboxCache`).
 */
export function sandboxArgs(options: SandboxOptions): string[] {
  return [
    "run",
    "--no-config",
    "--no-lock",
    `--import-map=${options.importMapPath}`,
    "--no-remote",
    "--no-npm",
    "--no-prompt",
    `--allow-read=${[...options.allowRead, options.socketPath].join(",")}`,
    // Connecting to a Unix socket takes all three; the worker revokes them once connected.
    `--allow-write=${options.socketPath}`,
    `--allow-net=unix:${options.socketPath}`,
    `--v8-flags=--disallow-code-generation-from-strings,--max-old-space-size=${options.limits.memoryMb},${
      SANDBOX_V8_FLAGS.join(",")
    }`,
    options.mainModule,
    ...workerArgv({
      socketPath: options.socketPath,
      outputLimit: options.limits.outputChars,
      maxReplyChars: MAX_REPLY_CHARS,
    }),
  ];
}

/**
 * The time one exercise's code may run in a sandbox, and the time it has run so far: the sum,
 * over its requests, of the time from the process starting on a request (it says so) to its
 * reply. Requests of other exercises queued in the same process (see `grade.ts`) are charged to
 * theirs, so a slow neighbour never uses up an exercise's time.
 */
export class TimeBudget {
  /** Milliseconds the exercise's code may run in all. */
  readonly limitMs: number;
  /** Milliseconds it has run so far. */
  usedMs = 0;
  constructor(limitMs: number) {
    this.limitMs = limitMs;
  }

  /** Milliseconds left (0 when used up). */
  get remainingMs(): number {
    return Math.max(0, this.limitMs - this.usedMs);
  }
}

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  /** What the request's running time is charged to. */
  budget: TimeBudget;
  op: Request["op"];
  /** The exercise it is for (its module's URL). */
  url: string;
}

/**
 * How long a call may run before the requests of other exercises waiting behind it are sent
 * elsewhere (see {@linkcode Sandbox.onSlow}): far longer than any call of a working exercise
 * takes, far shorter than the time limit.
 */
export const SLOW_CALL_MS = 1000;

/** How often a busy sandbox's time budget and memory are checked, in ms. */
const WATCH_INTERVAL_MS = 20;

const STRAY_LIMIT = 1 << 20;

/** While idle, the memory and the CPU time are checked every this many ticks (100 ms). */
const IDLE_CHECK_TICKS = 5;

/** CPU time an idle process may use before it is stopped, in ms. */
export const IDLE_CPU_MS = 1000;

/** The CPU time (user and system) process `pid` has used, in ms; undefined if unreadable. */
function cpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = Deno.readTextFileSync(`/proc/${pid}/stat`);
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime and stime
  return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
}

/** Explains why the process ended, from its exit status and what it printed to stderr. */
export function crashMessage(status: Deno.CommandStatus, stderr: string): string {
  if (/Top-level await promise never resolved/i.test(stderr)) {
    return "the module's top-level await never settles (it waits on a promise that nothing " +
      "resolves), so the module never finished loading";
  }
  const why = status.signal
    ? `it was killed by ${status.signal}`
    : `it exited with code ${status.code}`;
  const error = stderr.split("\n").find((line) =>
    /^(error|gradkit sandbox worker failed)/i.test(line)
  );
  return `the exercise's process ended unexpectedly (${why})` +
    (error
      ? `: ${error.replace(/^error:\s*/i, "").slice(0, 500)}`
      : "; the exercise may have crashed the runtime");
}

/** What the requests of exercises moved away from a sandbox set aside fail with. */
const MOVED = new SandboxFailure(
  "crash",
  "moved to another sandbox while a slow call of another exercise ran",
  "another",
);

/** Writes all of `bytes` to `conn` (a write may take only part of them). */
async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length;) off += await conn.write(bytes.subarray(off));
}

/**
 * One running worker process. Requests are answered in order.
 *
 * Requests and replies travel over a Unix socket that the process connects to as it starts
 * (its path is an argument: nothing has to reach the process first), rather than its stdin and
 * stdout: a round trip through the socket's direct reads and writes costs a third of one through
 * the streams of a child's pipes (measured: about 20 µs against 60 µs of the grader's CPU), and
 * nothing the learner prints can pass for a reply. Only this process can connect: the socket is
 * in the grader's private folder, and the sandbox's permission to connect, for this one path,
 * is revoked before any exercise code runs. Its stdout and stderr only carry stray text (what
 * the learner writes there directly, and Deno's own messages).
 */
export class Sandbox {
  readonly #child: Deno.ChildProcess;
  readonly #listener: Deno.Listener;
  readonly #socketPath: string;
  /** The worker's connection, once it has connected (undefined: it never did). */
  readonly #conn: Promise<Deno.Conn | undefined>;
  /** Requests written so far, in order. */
  #writing: Promise<void> = Promise.resolve();
  readonly #limits: Limits;
  /** Requests sent and not answered yet, oldest first. */
  readonly #pending = new Map<number, Pending>();
  /** The request the process said it started on and has not answered yet. */
  #running: number | undefined;
  /** When it started (`performance.now()` time). */
  #runningSince = 0;
  /**
   * Since when requests have waited with none started: the process was starting, or busy with
   * code left running, or stuck.
   */
  #waitingSince = 0;
  /** Whose code was running when the process stopped (see {@linkcode SandboxFailure.during}). */
  #runningAtFailure: number | undefined;
  #nextId = 1;
  #stray = "";
  #strayTotal = 0;
  #failure: SandboxFailure | undefined;
  /** Set aside for the exercise of this URL alone (see {@linkcode Sandbox.setAside}). */
  #keptFor: string | undefined;
  readonly #onSlow: (() => void) | undefined;
  #slowSignalled = false;
  #exited: Promise<void>;
  #stopWatcher: (() => void) | undefined;
  /** Ticks of the watcher since the process went idle. */
  #idleTicks = 0;
  /** The process's CPU time when it went idle (ms), read at the first idle check. */
  #idleCpuFrom: number | undefined;
  /** Ids of the requests sent and not started yet, oldest first. */
  #unstarted: number[] = [];

  constructor(options: SandboxOptions) {
    this.#limits = options.limits;
    this.#onSlow = options.onSlow;
    try {
      Deno.removeSync(options.socketPath); // left by a run that ended abruptly
    } catch {
      // not there
    }
    this.#socketPath = options.socketPath;
    this.#listener = Deno.listen({ transport: "unix", path: options.socketPath });
    this.#child = new Deno.Command(Deno.execPath(), {
      args: sandboxArgs(options),
      cwd: options.cwd,
      clearEnv: true,
      env: { DENO_DIR: options.denoDir, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    // One connection is taken, then the listener closes and the socket's file goes.
    this.#conn = this.#listener.accept().then(
      (conn) => conn,
      () => undefined, // closed by #fail before the process connected
    ).finally(() => this.#closeListener());
    const replies = this.#readReplies();
    const stray = Promise.all([
      this.#readStray(this.#child.stdout),
      this.#readStray(this.#child.stderr),
    ]);
    // From the start, on a ticker that does not load Deno's Node-compatible timers (see
    // `ticker.ts`): limits hold while the process is idle too.
    this.#stopWatcher = every(WATCH_INTERVAL_MS, () => this.#watch());
    this.#exited = this.#child.status.then(async (status) => {
      await stray;
      this.#fail(new SandboxFailure("crash", crashMessage(status, this.#stray)));
      await replies;
    });
  }

  /** The process's id (for diagnostics and tests). */
  get pid(): number {
    return this.#child.pid;
  }

  /** Whether a request is running (the process said it started on one and has not replied). */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** Whether the process can still take requests. */
  get alive(): boolean {
    return this.#failure === undefined;
  }

  /** Text the process printed outside replies (stderr, raw stdout writes) since the last call. */
  takeStray(): string {
    const s = this.#stray;
    this.#stray = "";
    return s;
  }

  /**
   * Sends a request and waits for its reply; the time the process spends on it is charged to
   * `budget`. Requests are answered one at a time, in the order sent. Rejects with
   * {@linkcode SandboxFailure} when a limit is hit (the budget of the request running runs out,
   * or the memory cap) or the process dies, and the sandbox is then dead and must be replaced;
   * or when the sandbox was set aside for another exercise ({@linkcode Sandbox.setAside}).
   */
  request(req: DistributiveOmit<Request, "id">, budget: TimeBudget): Promise<Reply> {
    if (this.#failure) {
      return Promise.reject(this.#failure.seenBy(undefined, this.#runningAtFailure));
    }
    if (this.#keptFor !== undefined && req.url !== this.#keptFor) {
      return Promise.reject(MOVED);
    }
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#waitingSince = performance.now();
    this.#unstarted.push(id);
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (r) => {
          if (this.#running === id) budget.usedMs += performance.now() - this.#runningSince;
          this.#pending.delete(id);
          resolve(r);
        },
        reject: (e) => {
          this.#pending.delete(id);
          reject(e);
        },
        budget,
        op: req.op,
        url: req.url,
      });
      // The id first: the sandbox's host reads it without parsing the line.
      this.#send(JSON.stringify({ id, ...req } as Request));
    });
  }

  /**
   * One timer per sandbox, not one per request (hundreds of requests per run): while a request
   * is pending, checks the budget of the one running (or, with none started, how long the
   * requests have waited) and the process's memory.
   */
  #watch(): void {
    const head = this.#pending.values().next().value;
    if (!head) return this.#watchIdle();
    this.#idleTicks = 0;
    this.#idleCpuFrom = undefined;
    const now = performance.now();
    const running = this.#running === undefined ? undefined : this.#pending.get(this.#running);
    if (running) {
      const { budget } = running;
      if (
        this.#onSlow && !this.#slowSignalled && now - this.#runningSince >= SLOW_CALL_MS &&
        [...this.#pending.values()].some((p) => p.url !== running.url)
      ) {
        this.#slowSignalled = true;
        this.#onSlow();
      }
      if (budget.usedMs + (now - this.#runningSince) >= budget.limitMs) {
        const limit = `time limit of ${(budget.limitMs / 1000).toFixed(1)} s exceeded`;
        return this.#fail(
          new SandboxFailure(
            "timeout",
            running.op === "load"
              ? `${limit}: the module did not finish loading (a top-level await that never ` +
                `settles, or a long computation at the top level?)`
              : `${limit} (an infinite loop, or a computation far larger than needed?)`,
          ),
        );
      }
    } else if (now - this.#waitingSince >= head.budget.limitMs) {
      return this.#fail(
        new SandboxFailure(
          "timeout",
          `the sandbox did not start on a call for ${
            (head.budget.limitMs / 1000).toFixed(1)
          } s: code kept running after its functions returned (a timer or a promise loop?)`,
        ),
      );
    }
    this.#checkMemory();
  }

  /**
   * While no request is pending, every {@linkcode IDLE_CHECK_TICKS} ticks: the process's memory,
   * and the CPU time it used since it went idle. An idle process runs nothing of its own: CPU
   * time there is learner code left running (a timer, a loop of promises), which is stopped at
   * {@linkcode IDLE_CPU_MS}, as memory is at the memory limit; the next request then finds the
   * sandbox dead and gets a new one.
   */
  #watchIdle(): void {
    if (++this.#idleTicks % IDLE_CHECK_TICKS !== 0) return;
    const cpu = cpuMs(this.#child.pid);
    if (cpu !== undefined) {
      this.#idleCpuFrom ??= cpu;
      if (cpu - this.#idleCpuFrom > IDLE_CPU_MS) {
        return this.#fail(
          new SandboxFailure(
            "timeout",
            `code kept running with no call pending (${
              Math.round(cpu - this.#idleCpuFrom)
            } ms of CPU): a timer or a promise loop left behind?`,
          ),
        );
      }
    }
    this.#checkMemory();
  }

  /** Whether the process was set aside for one exercise (see {@linkcode Sandbox.setAside}). */
  get isSetAside(): boolean {
    return this.#keptFor !== undefined;
  }

  /**
   * Keeps the process for the exercise whose request is running, and gives up the others: their
   * pending requests fail as cut short by another exercise's (`during: "another"`), and so do
   * their later ones, while that exercise's own requests go on here. Called on a slow call (see
   * {@linkcode SandboxOptions.onSlow}): the others are graded again in a new sandbox at once
   * instead of waiting, perhaps until a time limit, behind it.
   */
  setAside(): void {
    const running = this.#running === undefined ? undefined : this.#pending.get(this.#running);
    if (!running || this.#failure || this.#keptFor !== undefined) return;
    this.#keptFor = running.url;
    for (const p of [...this.#pending.values()]) if (p.url !== running.url) p.reject(MOVED);
  }

  /**
   * For a grader about to exit: kills the process, idle or busy, and returns at once. (Were the
   * grader killed instead, the process would still end: its host exits when the socket closes.)
   */
  abandon(): void {
    this.#fail(new SandboxFailure("crash", "the grader exited"));
  }

  /** Kills the process (if still running) and waits for it to end. */
  async close(): Promise<void> {
    this.#fail(new SandboxFailure("crash", "the sandbox was closed"));
    await this.#exited;
  }

  /**
   * Stops the process for `failure` (the first failure only) and rejects the pending requests,
   * each with the failure as it sees it ({@linkcode SandboxFailure.seenBy}). The failure is put
   * down to the request running only where that is certain: a time limit or a crash during a
   * call, whose code runs from the worker's started line to its reply with nothing in between.
   * Memory and printed output pile up from everything the process ran, and a module's loading
   * can wait (top-level await) while other code runs: those are put down to no request.
   */
  #fail(failure: SandboxFailure): void {
    if (!this.#failure) {
      this.#failure = failure;
      const running = this.#running === undefined ? undefined : this.#pending.get(this.#running);
      const certain = running?.op === "call" &&
        (failure.kind === "timeout" || failure.kind === "crash");
      this.#runningAtFailure = certain ? this.#running : undefined;
      this.#stopWatcher?.();
      this.#closeListener();
      try {
        this.#child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
    for (const [id, p] of [...this.#pending]) {
      p.reject(this.#failure.seenBy(id, this.#runningAtFailure));
    }
  }

  #checkMemory(): void {
    let text: string;
    try {
      text = Deno.readTextFileSync(`/proc/${this.#child.pid}/status`);
    } catch {
      return;
    }
    const kb = Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0);
    if (kb > this.#limits.memoryMb * 1024) {
      this.#fail(
        new SandboxFailure(
          "memory",
          `memory limit of ${this.#limits.memoryMb} MiB exceeded (${
            Math.round(kb / 1024)
          } MiB in use)`,
        ),
      );
    }
  }

  #closeListener(): void {
    try {
      this.#listener.close();
    } catch {
      return; // already closed
    }
    try {
      Deno.removeSync(this.#socketPath);
    } catch {
      // already removed
    }
  }

  /** Sends one line once the worker has connected, after the lines sent before it. */
  #send(line: string): void {
    const bytes = new TextEncoder().encode(line + "\n");
    this.#writing = this.#writing.then(async () => {
      const conn = await this.#conn;
      if (conn && !this.#failure) await writeAll(conn, bytes);
    }).catch(() => {
      // the process is gone; #exited reports it
    });
  }

  #addStray(text: string): void {
    this.#strayTotal += text.length;
    if (this.#stray.length < this.#limits.outputChars) {
      this.#stray += text.slice(0, this.#limits.outputChars - this.#stray.length);
    }
    if (this.#strayTotal > STRAY_LIMIT) {
      this.#fail(
        new SandboxFailure(
          "output",
          `printed more than ${STRAY_LIMIT >> 20} MiB of output directly to stdout or stderr`,
        ),
      );
    }
  }

  /**
   * Reads the replies, one JSON line each, in time linear in their length; a line longer than
   * {@linkcode MAX_REPLY_CHARS} stops the process as soon as that much has come.
   */
  async #readReplies(): Promise<void> {
    const conn = await this.#conn;
    if (!conn) return;
    const decoder = new TextDecoder();
    const chunk = new Uint8Array(1 << 16);
    let parts: string[] = [];
    let partial = 0;
    try {
      for (;;) {
        const n = await conn.read(chunk);
        if (n === null) break;
        let text = decoder.decode(chunk.subarray(0, n), { stream: true });
        let end: number;
        while ((end = text.indexOf("\n")) >= 0) {
          parts.push(text.slice(0, end));
          text = text.slice(end + 1);
          const line = parts.length === 1 ? parts[0] : parts.join("");
          parts = [];
          partial = 0;
          const refused = this.#receive(line);
          if (refused) return this.#fail(new SandboxFailure("crash", refused));
        }
        if (text) {
          parts.push(text);
          partial += text.length;
          if (partial > MAX_REPLY_CHARS) {
            return this.#fail(
              new SandboxFailure(
                "crash",
                `the sandbox sent a reply longer than ${MAX_REPLY_CHARS} characters ` +
                  `(a returned value far larger than the exercise asks for?)`,
              ),
            );
          }
        }
      }
    } catch {
      // the process was killed; #exited reports it
    } finally {
      conn.close();
    }
  }

  /**
   * Takes one line from the process: a started line for the oldest request not started yet, or
   * the reply to the request started. Returns why a line is refused: a started line out of turn,
   * a reply to a request not running (unknown, already answered, or with none running), or a
   * line that is not a reply.
   */
  #receive(line: string): string | undefined {
    const started = parseStarted(line);
    if (started !== undefined) {
      if (this.#running !== undefined || this.#unstarted[0] !== started) {
        return `the sandbox announced a call it was not asked to run (request ${started})`;
      }
      this.#unstarted.shift();
      this.#running = started;
      this.#runningSince = performance.now();
      return undefined;
    }
    let reply: Reply;
    try {
      reply = JSON.parse(line) as Reply;
    } catch {
      return `the sandbox sent a line that is not a reply (${line.length} characters)`;
    }
    if (reply === null || typeof reply !== "object" || reply.id !== this.#running) {
      return "the sandbox sent a reply to a call that was not running";
    }
    this.#pending.get(reply.id)?.resolve(reply); // not there: given up (setAside)
    this.#running = undefined;
    this.#waitingSince = performance.now();
    return undefined;
  }

  /** Reads what the process writes to stdout or stderr outside replies. */
  async #readStray(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of stream) {
        this.#addStray(decoder.decode(chunk, { stream: true }));
      }
    } catch {
      // the process was killed
    }
  }
}

/** `Omit` that distributes over a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Re-exported for callers that build requests. */
export type { Json };
