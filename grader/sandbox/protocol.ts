/**
 * The messages between the grader and the sandbox worker: one line each, on the Unix socket the
 * worker connects to as it starts (see {@linkcode WorkerArgs}). Only the worker module holds the
 * socket: nothing the learner prints can pass for a reply.
 *
 * The grader sends requests (JSON); the worker answers them one at a time, in order. Before it
 * runs a request, the worker says so ({@linkcode startedLine}); then comes the reply (JSON). The
 * grader thus knows whose code runs when a limit is hit: that request's, or, with no request
 * started, code an exercise left running after a call returned.
 *
 * @module
 */

import type { Json } from "./wire.ts";
import type { ProbeTrace } from "./probes.ts";

/**
 * The longest line the sandbox may send, in characters: a reply above it is replaced by an
 * error in the sandbox, refused by the host, and refused by the grader as soon as it has read
 * that much without a line break. Far above any reply of a working exercise (a matrix of a
 * million entries is under 11 million characters).
 */
export const MAX_REPLY_CHARS = 32 << 20;

/** The line the worker sends as it starts on request `id`. */
export function startedLine(id: number): string {
  return `started ${id}`;
}

/** The request id of a {@linkcode startedLine}, or undefined for another line (a reply). */
export function parseStarted(line: string): number | undefined {
  if (!line.startsWith("started ")) return undefined;
  const id = Number(line.slice(8, 32));
  return Number.isSafeInteger(id) && line.length <= 32 ? id : NaN;
}

/** What the worker is started with, as its command-line arguments in this order. */
export interface WorkerArgs {
  /** The socket to connect to (see `sandbox.ts`). */
  socketPath: string;
  /** Characters of console output kept per exercise; the rest is counted and dropped. */
  outputLimit: number;
  /** The longest line the process may send (a reply above it is refused in the sandbox). */
  maxReplyChars: number;
}

/** The worker's command-line arguments for `args`. */
export function workerArgv(args: WorkerArgs): string[] {
  return [args.socketPath, String(args.outputLimit), String(args.maxReplyChars)];
}

/** Reads the worker's command-line arguments back. */
export function parseWorkerArgv(argv: readonly string[]): WorkerArgs {
  const [socketPath, outputLimit, maxReplyChars] = argv;
  if (!socketPath || !(Number(outputLimit) >= 0) || !(Number(maxReplyChars) > 0)) {
    throw new Error(
      `expected a socket path, an output limit and a reply limit, got ${JSON.stringify(argv)}`,
    );
  }
  return { socketPath, outputLimit: Number(outputLimit), maxReplyChars: Number(maxReplyChars) };
}

/**
 * A request: load an exercise module, call one of its exports, or end an exercise (clear the
 * timers its code left, and answer once callbacks already due have run).
 */
export type Request =
  | { op: "load"; id: number; url: string }
  | { op: "call"; id: number; url: string; name: string; args: Json[] }
  | { op: "settle"; id: number; url: string };

/** An exception thrown by learner code (or a refusal of the sandbox), as the grader sees it. */
export interface ThrownError {
  name: string;
  message: string;
  /** Stack frames inside the exercise files only. */
  stack: string[];
  /** The learner has not replaced the stub's `todo(...)` yet. */
  notImplemented: boolean;
}

/** An argument the call changed: where it is within the arguments, and its content afterwards. */
export interface ChangedArgument {
  path: (string | number)[];
  after: Json;
}

/**
 * A typed array in a call's returned value that shares memory (the same `ArrayBuffer`, with
 * overlapping bytes) with something it should not: an argument of the call, another part of the
 * same returned value, or what this exercise's code returned on an earlier call. Found in the
 * sandbox, where identity is still visible; the grader decides whether it matters (see
 * `TestContext.requireNewValues`).
 */
export interface SharedMemory {
  /** Where the typed array is within the returned value (`[]`: the value itself). */
  path: (string | number)[];
  /** Whether it is a Matrix's data (else a Float64Array or an Int32Array). */
  matrix: boolean;
  /** What it shares memory with. */
  with: "argument" | "returned" | "earlier";
  /** Where that is: within the arguments, within this returned value, or within the earlier one. */
  otherPath: (string | number)[];
  /** For `earlier`: the export whose call returned it. */
  fn?: string;
  /** Exactly the same elements (else the two overlap in part: a view into the other's data). */
  same: boolean;
}

/** A reply, matched to its request by `id`. `output` is what the learner printed meanwhile. */
export type Reply =
  & { id: number; output: string; droppedOutput: number }
  & (
    | {
      ok: true;
      exports?: Record<string, string>;
      value?: Json;
      changed?: ChangedArgument[];
      /** Typed arrays of the returned value that share memory with something else. */
      shared?: SharedMemory[];
      probes?: ProbeTrace[];
    }
    | { ok: false; error: ThrownError }
  );
