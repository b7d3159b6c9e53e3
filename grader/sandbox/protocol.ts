/**
 * The messages between the grader and the sandbox worker. The grader writes a {@linkcode Hello}
 * line to the worker's stdin; the worker connects to the Unix socket it names and sends the
 * hello's nonce as its first line. From then on, requests and replies are one JSON line each on
 * that socket, which only the worker module holds: nothing the learner prints can pass for a
 * reply.
 *
 * @module
 */

import type { Json } from "./wire.ts";
import type { ProbeTrace } from "./probes.ts";

/** The one line on the worker's stdin. */
export interface Hello {
  /** Random per process; the worker's first line on the socket, which proves who connected. */
  nonce: string;
  /** The socket to connect to (see `sandbox.ts`). */
  socketPath: string;
  /** Characters of console output kept per exercise; the rest is counted and dropped. */
  outputLimit: number;
}

/** A request: load an exercise module, call one of its exports, or end an exercise. */
export type Request =
  | { op: "load"; id: number; url: string }
  | { op: "call"; id: number; url: string; name: string; args: Json[] }
  | { op: "settle"; id: number };

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

/** A reply, matched to its request by `id`. `output` is what the learner printed meanwhile. */
export type Reply =
  & { id: number; output: string; droppedOutput: number }
  & (
    | {
      ok: true;
      exports?: Record<string, string>;
      value?: Json;
      changed?: ChangedArgument[];
      probes?: ProbeTrace[];
    }
    | { ok: false; error: ThrownError }
  );
