/**
 * The harness: the module that runs learner code, in a Web Worker of the sandboxed process (a
 * realm of its own, started by `host.ts`, which alone holds the grader's socket). It only
 * evaluates: it loads exercise modules through computed imports (so their whole graph is
 * permission-checked), calls their exports on the inputs the grader sends, and sends back what
 * they returned, what they printed and what they did to their arguments. It judges nothing.
 *
 * It talks to the host over a `MessagePort` it receives in its first message and keeps to
 * itself; before any learner module loads, `lockdown` removes from this realm every way to
 * reach Deno's internals, to start another realm or to post to the host (see `lockdown.ts`).
 *
 * @module
 */

import * as lib from "../../lib/mod.ts";
import { Matrix } from "../../lib/matrix.ts";
import { decode, encode, type Json, WIRE_LIMITS } from "./wire.ts";
import { lockdown } from "./lockdown.ts";
import { probeFunction, type ProbeRef, type ProbeTrace } from "./probes.ts";
import {
  type ChangedArgument,
  type Reply,
  type Request,
  type SharedMemory,
  startedLine,
  type ThrownError,
} from "./protocol.ts";

// Everything the harness needs is captured before learner code can touch it.
const inspect = Deno.inspect;
const stringify = JSON.stringify;
const parse = JSON.parse;
const Bytes = Uint8Array;

// Which memory a typed array uses, read through the intrinsic getters of %TypedArray%.prototype,
// captured here before any exercise code runs: an array's own `buffer` property (or one set on a
// prototype) cannot lie to them, and the tag getter gives undefined for anything that is not a
// real typed array, whatever its prototype says.
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
function intrinsicGetter(key: string | symbol): (this: unknown) => unknown {
  return Object.getOwnPropertyDescriptor(typedArrayPrototype, key)!.get!;
}
const bufferGetter = intrinsicGetter("buffer");
const byteOffsetGetter = intrinsicGetter("byteOffset");
const byteLengthGetter = intrinsicGetter("byteLength");
const tagGetter = intrinsicGetter(Symbol.toStringTag);
const apply = Reflect.apply;
/**
 * The real timer functions, fetched on first use. Deno 2.9 loads its timers (Node-compatible
 * ones) the first time `setTimeout` & co. are read, which costs about 13 ms: the harness itself
 * needs no timer, so only exercises that schedule something pay for it.
 */
function lazyGlobal<T>(name: string): () => T {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  let value: T | undefined;
  return () => value ??= (d?.get ? d.get.call(globalThis) : d?.value) as T;
}
type Schedule = (fn: () => void, ms?: number, ...rest: unknown[]) => unknown;
const realSetTimeout = lazyGlobal<Schedule>("setTimeout");
const realSetInterval = lazyGlobal<Schedule>("setInterval");
const realClearTimeout = lazyGlobal<(id: unknown) => void>("clearTimeout");
const realClearInterval = lazyGlobal<(id: unknown) => void>("clearInterval");

let outputLimit = 65536;
let output = "";
let dropped = 0;

function print(text: string): void {
  if (output.length + text.length <= outputLimit) output += text;
  else {
    const room = Math.max(0, outputLimit - output.length);
    output += text.slice(0, room);
    dropped += text.length - room;
  }
}

function format(args: unknown[]): string {
  return args.map((a) => typeof a === "string" ? a : inspect(a, { colors: false, depth: 4 }))
    .join(" ") + "\n";
}

function captureConsole(): void {
  const log = (...args: unknown[]) => print(format(args));
  const captured = Object.freeze({
    log,
    info: log,
    debug: log,
    warn: log,
    error: log,
    trace: log,
    dir: (v: unknown) => print(format([v])),
    table: (v: unknown) => print(format([v])),
    assert: (cond: unknown, ...args: unknown[]) => {
      if (!cond) print(format(["Assertion failed:", ...args]));
    },
    group: log,
    groupCollapsed: log,
    groupEnd: () => {},
    time: () => {},
    timeEnd: () => {},
    timeLog: () => {},
    count: () => {},
    countReset: () => {},
    clear: () => {},
  });
  Object.defineProperty(globalThis, "console", {
    value: captured,
    writable: false,
    configurable: false,
  });
}

/**
 * The exercise (module URL) whose code runs now: the one of the request being handled, or of the
 * timer whose callback runs. Several exercises are graded at once (see `grade.ts`).
 */
let owner = "";

/** Timers the learner started, with their exercise: each exercise's are cleared when it ends. */
const timers = new Map<unknown, string>();

function trackTimers(): void {
  const wrap = (real: () => Schedule): Schedule => (fn, ms, ...rest) => {
    const mine = owner;
    const callback = typeof fn !== "function" ? fn : (...args: unknown[]) => {
      const before = owner;
      owner = mine;
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } finally {
        owner = before;
      }
    };
    const id = real()(callback as () => void, ms, ...rest);
    timers.set(id, mine);
    return id;
  };
  Object.defineProperty(globalThis, "setTimeout", {
    value: wrap(realSetTimeout),
    writable: false,
  });
  Object.defineProperty(globalThis, "setInterval", {
    value: wrap(realSetInterval),
    writable: false,
  });
}

/** Clears the timers exercise `url` started; says whether there were any. */
function clearTimers(url: string): boolean {
  let any = false;
  for (const [id, of] of timers) {
    if (of !== url) continue;
    realClearTimeout()(id);
    realClearInterval()(id);
    timers.delete(id);
    any = true;
  }
  return any;
}

/** Longest error name, message and stack frame sent to the grader; frames sent. */
const THROWN_LIMITS = { name: 200, message: 4000, frame: 500, frames: 5 } as const;

/** `text` cut to `max` characters, saying how many were left out. */
function clip(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * Reads a property of a learner's error as text: getters and `toString` are learner code, so
 * what they throw becomes a placeholder and the text is cut to `max`.
 */
function readText(read: () => unknown, max: number): string {
  try {
    const v = read();
    return clip(typeof v === "string" ? v : String(v), max);
  } catch {
    return "(unreadable)";
  }
}

function thrown(e: unknown, stagingPrefix: string): ThrownError {
  if (e instanceof Error) {
    // Only the frames inside the exercise files, read from a stack cut to a bounded length.
    const stackText = readText(() => e.stack ?? "", 64 * 1024);
    const stack: string[] = [];
    for (const line of stackText.split("\n")) {
      if (stack.length === THROWN_LIMITS.frames) break;
      if (line.includes(stagingPrefix)) stack.push(clip(line.trim(), THROWN_LIMITS.frame));
    }
    const name = readText(() => e.name, THROWN_LIMITS.name);
    return {
      name,
      message: readText(() => e.message, THROWN_LIMITS.message),
      stack,
      notImplemented: e instanceof lib.NotImplementedError || name === "NotImplementedError",
    };
  }
  return {
    name: "thrown value",
    message: `threw ${
      readText(() => inspect(e, { colors: false, depth: 2 }), THROWN_LIMITS.message)
    } (throw an Error instead)`,
    stack: [],
    notImplemented: false,
  };
}

/** The host's end of the private channel: set by the first message, held by this module only. */
let port: MessagePort;
/** The longest line the host accepts; a longer reply is replaced by an error (see `reply`). */
let maxLine = 64 << 20;

/**
 * Tells the host that the process starts on request `id`. Messages on a port keep their order,
 * and a call runs with no await between this line and its reply: in between, only that call's
 * code runs and what it queued, never a timer callback that an exercise left behind (those run
 * when the harness waits for the next request).
 */
function announce(id: number): void {
  port.postMessage(startedLine(id));
}

function reply(id: number, body: Record<string, unknown>): void {
  let line = stringify({ id, output, droppedOutput: dropped, ...body } as Reply);
  output = "";
  dropped = 0;
  if (line.length > maxLine) {
    line = stringify(
      {
        id,
        output: "",
        droppedOutput: 0,
        ok: false,
        error: {
          name: "ReplyTooLarge",
          message: `the reply to this call would be ${line.length} characters long, above the ` +
            `sandbox's limit of ${maxLine}: return only what the exercise asks for`,
          stack: [],
          notImplemented: false,
        },
      } satisfies Reply,
    );
  }
  port.postMessage(line);
}

/** A typed buffer inside the arguments, with its path and a copy taken before the call. */
interface Watched {
  path: (string | number)[];
  owner: Matrix | Float64Array | Int32Array;
  data: Float64Array | Int32Array;
  before: Float64Array | Int32Array;
}

function watchArguments(value: unknown, path: (string | number)[], out: Watched[]): void {
  if (value instanceof Matrix) {
    out.push({ path, owner: value, data: value.data, before: value.data.slice() });
  } else if (value instanceof Float64Array || value instanceof Int32Array) {
    out.push({ path, owner: value, data: value, before: value.slice() });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => watchArguments(v, [...path, i], out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) watchArguments(v, [...path, k], out);
  }
}

/**
 * The bytes of a typed array, read through the intrinsic getters captured at start: an own
 * `buffer` (or `byteOffset`, `byteLength`) property that learner code defined on the array
 * cannot show the check another array than the one the call changed.
 */
function bytesOf(a: Float64Array | Int32Array): Uint8Array {
  return new Bytes(
    apply(bufferGetter, a, []) as ArrayBuffer,
    apply(byteOffsetGetter, a, []) as number,
    apply(byteLengthGetter, a, []) as number,
  );
}

/** Whether `a` is a typed array holding the same bytes as `b` (false for anything else). */
function sameBits(a: unknown, b: Float64Array | Int32Array): boolean {
  let x: Uint8Array;
  try {
    x = bytesOf(a as Float64Array);
  } catch {
    return false; // not a typed array any more
  }
  const y = bytesOf(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function changedArguments(watched: Watched[]): ChangedArgument[] {
  const changed: ChangedArgument[] = [];
  for (const w of watched) {
    const now = w.owner === w.data ? w.owner : (w.owner as Matrix).data;
    if (now !== w.data || !sameBits(now, w.before)) {
      changed.push({ path: w.path, after: encode(w.owner) });
    }
  }
  return changed;
}

/** The bytes a Float64Array or an Int32Array occupies, and where it was found. */
interface Region {
  path: (string | number)[];
  matrix: boolean;
  buffer: object;
  start: number;
  end: number;
}

/** The region of `array` when it is a non-empty Float64Array or Int32Array; else undefined. */
function region(array: unknown, path: (string | number)[], matrix: boolean): Region | undefined {
  const tag = apply(tagGetter, array, []);
  if (tag !== "Float64Array" && tag !== "Int32Array") return undefined;
  const start = apply(byteOffsetGetter, array, []) as number;
  const end = start + (apply(byteLengthGetter, array, []) as number);
  if (end === start) return undefined; // an empty array shares nothing
  return { path, matrix, buffer: apply(bufferGetter, array, []) as object, start, end };
}

function overlap(a: Region, b: Region): boolean {
  return a.buffer === b.buffer && a.start < b.end && b.start < a.end;
}

function finding(
  r: Region,
  other: { path: (string | number)[]; start: number; end: number },
  kind: SharedMemory["with"],
  fn?: string,
): SharedMemory {
  const same = r.start === other.start && r.end === other.end;
  return {
    path: r.path,
    matrix: r.matrix,
    with: kind,
    otherPath: other.path,
    same,
    ...(fn ? { fn } : {}),
  };
}

/** Per exercise: the typed buffers its calls returned so far, with where and by whom. */
const returnedBefore = new Map<string, WeakMap<object, { fn: string; region: Region }[]>>();

/**
 * Which typed arrays of a returned value (`regions`: the very arrays `encode` sent, in the order
 * it sent them; what export `fn` of exercise `url` returned) share memory with an argument
 * (`args`: the arguments' arrays as the call received them), with another part of the value, or
 * with what the exercise returned on an earlier call; then remembers the value's.
 */
function sharedMemory(regions: Region[], args: Region[], url: string, fn: string): SharedMemory[] {
  let before = returnedBefore.get(url);
  if (!before) returnedBefore.set(url, before = new WeakMap());
  const found: SharedMemory[] = [];
  // The regions seen so far in `value`, by buffer: only regions of one buffer can overlap.
  const byBuffer = new Map<object, Region[]>();
  for (const r of regions) {
    const siblings = byBuffer.get(r.buffer);
    if (siblings) siblings.push(r);
    else byBuffer.set(r.buffer, [r]);
    const arg = args.find((a) => overlap(r, a));
    if (arg) {
      found.push(finding(r, arg, "argument"));
      continue;
    }
    const sibling = siblings?.find((s) => s !== r && overlap(r, s));
    if (sibling) {
      found.push(finding(r, sibling, "returned"));
      continue;
    }
    const earlier = before.get(r.buffer)?.find((e) => overlap(r, e.region));
    if (earlier) found.push(finding(r, earlier.region, "earlier", earlier.fn));
  }
  for (const r of regions) {
    const list = before.get(r.buffer);
    if (list) list.push({ fn, region: r });
    else before.set(r.buffer, [{ fn, region: r }]);
  }
  return found;
}

/** A probe function for one call, armed once the call's arguments are decoded. */
interface Probe {
  fn: (x: unknown) => number;
  /** Takes the watched argument and a copy of its values, before the learner runs. */
  arm(args: unknown[]): void;
}

function makeProbe(ref: ProbeRef, traces: ProbeTrace[]): Probe {
  const f = probeFunction(ref.kind, ref.params);
  const trace: ProbeTrace = {
    kind: ref.kind,
    calls: 0,
    maxChanged: 0,
    sameObject: true,
    badArguments: 0,
  };
  traces.push(trace);
  const watchIndex = Number(ref.params.watch ?? -1);
  let original: Matrix | undefined;
  let before: Float64Array | undefined;
  return {
    arm(args) {
      const w = args[watchIndex];
      if (w instanceof Matrix) {
        original = w;
        before = w.data.slice();
      }
    },
    fn(x) {
      trace.calls++;
      if (!(x instanceof Matrix) || (original && x.size !== original.size)) {
        trace.badArguments++;
        return NaN;
      }
      if (original && x !== original) trace.sameObject = false;
      if (before) {
        let n = 0;
        for (let i = 0; i < x.data.length; i++) if (!Object.is(x.data[i], before[i])) n++;
        if (n > trace.maxChanged) trace.maxChanged = n;
      }
      return f.value(x.data);
    },
  };
}

const modules = new Map<string, Record<string, unknown>>();
/** Exports of a module reported to the grader, and the longest name reported. */
const MAX_EXPORTS = 256;
const MAX_EXPORT_NAME = 200;
let stagingPrefix = "\0";

async function handle(req: Request): Promise<void> {
  owner = req.url;
  if (req.op === "settle") {
    if (clearTimers(req.url)) {
      // Give callbacks already queued a turn, so that output they print is attributed here.
      await new Promise<void>((resolve) => realSetTimeout()(resolve, 0));
      clearTimers(req.url);
    }
    return reply(req.id, { ok: true });
  }
  if (req.op === "load") {
    stagingPrefix = req.url.slice(0, req.url.lastIndexOf("/") + 1);
    try {
      const specifier = String(req.url); // computed: the module's whole graph is permission-checked
      const mod = await import(specifier) as Record<string, unknown>;
      modules.set(req.url, mod);
      // A null prototype: an export may be named like a method of Object.prototype.
      const exports: Record<string, string> = Object.create(null);
      const names = Object.keys(mod);
      for (let i = 0; i < names.length && i < MAX_EXPORTS; i++) {
        const k = names[i];
        if (k.length <= MAX_EXPORT_NAME) exports[k] = typeof mod[k];
      }
      return reply(req.id, { ok: true, exports });
    } catch (e) {
      return reply(req.id, { ok: false, error: thrown(e, stagingPrefix) });
    }
  }
  const mod = modules.get(req.url);
  const fn = mod?.[req.name];
  if (typeof fn !== "function") {
    return reply(req.id, {
      ok: false,
      error: {
        name: "MissingExport",
        message: `${req.name} is not an exported function`,
        stack: [],
        notImplemented: false,
      },
    });
  }
  const traces: ProbeTrace[] = [];
  const probes: Probe[] = [];
  const args = req.args.map((a) =>
    decode(a, (ref) => {
      const probe = makeProbe(ref, traces);
      probes.push(probe);
      return probe.fn;
    })
  );
  for (const probe of probes) probe.arm(args);
  const watched: Watched[] = [];
  watchArguments(args, [], watched);
  const argumentRegions: Region[] = [];
  for (const w of watched) {
    const r = region(w.data, w.path, w.owner instanceof Matrix);
    if (r) argumentRegions.push(r);
  }
  let value: unknown;
  try {
    value = fn(...args);
  } catch (e) {
    return reply(req.id, { ok: false, error: thrown(e, stagingPrefix) });
  }
  let encoded: Json;
  // The arrays sent, found as they are encoded: a getter answers once for both.
  const regions: Region[] = [];
  try {
    encoded = encode(value, WIRE_LIMITS, (array, path, matrix) => {
      const r = region(array, path, matrix);
      if (r) regions.push(r);
    });
  } catch (e) {
    const err = thrown(e, stagingPrefix);
    err.message = `the returned value could not be read: ${err.message}`;
    return reply(req.id, { ok: false, error: err });
  }
  const shared = sharedMemory(regions, argumentRegions, req.url, req.name);
  return reply(req.id, {
    ok: true,
    value: encoded,
    changed: changedArguments(watched),
    ...(shared.length > 0 ? { shared } : {}),
    probes: traces,
  });
}

/** What the host sends first: the private port and the output limit. */
interface Init {
  port: MessagePort;
  outputLimit: number;
  maxReplyChars: number;
}

/** Waits for the host's first message on this realm's global, the only one it sends there. */
function init(): Promise<Init> {
  return new Promise((resolve) => {
    const scope = globalThis as unknown as { onmessage: ((e: MessageEvent) => void) | null };
    scope.onmessage = (e) => {
      scope.onmessage = null;
      resolve(e.data as Init);
    };
  });
}

async function main(): Promise<void> {
  const first = await init();
  port = first.port;
  outputLimit = first.outputLimit;
  maxLine = first.maxReplyChars;

  globalThis.addEventListener("unhandledrejection", (e) => {
    e.preventDefault();
    print(`Uncaught (in promise) ${format([e.reason])}`);
  });
  globalThis.addEventListener("error", (e) => {
    e.preventDefault();
    print(`Uncaught ${format([e.error])}`);
  });
  captureConsole();
  trackTimers();
  lockdown(lib as unknown as Record<string, unknown>);

  // Requests are handled one at a time, in the order they came, each from a task of its own:
  // the next one starts only once the event loop has had a turn. Code that an exercise left
  // running (a loop of promises that never lets the loop turn) thus holds up the next request,
  // which the grader sees and charges to nobody, rather than running beside it unseen.
  const queue: string[] = [];
  let head = 0;
  let busy = false;
  const turn = new MessageChannel();
  const next = () => {
    if (head === queue.length) {
      busy = false;
      return;
    }
    busy = true;
    const line = queue[head];
    queue[head++] = "";
    if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
    const req = parse(line) as Request;
    announce(req.id);
    handle(req).then(
      () => turn.port2.postMessage(null),
      (e) => port.postMessage({ fatal: `the harness failed: ${inspect(e)}`.slice(0, 4000) }),
    );
  };
  turn.port1.onmessage = next;
  port.onmessage = (e: MessageEvent) => {
    queue.push(e.data as string);
    if (!busy) next();
  };
}

await main();
