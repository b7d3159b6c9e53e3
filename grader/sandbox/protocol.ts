/**
 * The messages between the grader and the sandbox worker. Requests go to the worker's stdin as
 * one JSON line each; replies come on its stdout inside frames that start with a secret marker
 * (sent in the first request), so that nothing the learner prints can pass for a reply.
 *
 * @module
 */

import type { Json } from "./wire.ts";
import type { ProbeTrace } from "./probes.ts";

/** First line on the worker's stdin. */
export interface Hello {
  /** Random per process; every reply frame starts with `"\x1e" + nonce + ":"`. */
  nonce: string;
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

/** The frame marker that precedes each reply, given the process's nonce. */
export function frameMarker(nonce: string): string {
  return `\x1e${nonce}:`;
}
