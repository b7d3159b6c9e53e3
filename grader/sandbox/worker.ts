/**
 * The sandboxed process's main module. It only evaluates: it loads exercise modules through
 * computed imports (so their whole graph is permission-checked), calls their exports on the
 * inputs the grader sends, and sends back what they returned, what they printed and what they
 * did to their arguments. It judges nothing.
 *
 * Started by `sandbox.ts` with the least permissions; see there and the README.
 *
 * @module
 */

import * as lib from "../../lib/mod.ts";
import { Matrix } from "../../lib/matrix.ts";
import { decode, encode, type Json } from "./wire.ts";
import { lockdown } from "./lockdown.ts";
import { probeFunction, type ProbeRef, type ProbeTrace } from "./probes.ts";
import {
  type ChangedArgument,
  parseWorkerArgv,
  type Reply,
  type Request,
  type SharedMemory,
  startedLine,
  type ThrownError,
} from "./protocol.ts";

// Everything the worker needs is captured before learner code can touch it.
const connect = Deno.connect;
const revoke = Deno.permissions.revokeSync.bind(Deno.permissions);
const inspect = Deno.inspect;
const encoder = new TextEncoder();
const stringify = JSON.stringify;
const parse = JSON.parse;
/**
 * The real timer functions, fetched on first use. Deno 2.9 loads its timers (Node-compatible
 * ones) the first time `setTimeout` & co. are read, which costs about 13 ms: the worker itself
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
const realExit = Deno.exit;

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

function thrown(e: unknown, stagingPrefix: string): ThrownError {
  if (e instanceof Error) {
    const stack = (e.stack ?? "").split("\n").filter((line) => line.includes(stagingPrefix))
      .map((line) => line.trim()).slice(0, 5);
    return {
      name: e.name,
      message: e.message,
      stack,
      notImplemented: e instanceof lib.NotImplementedError || e.name === "NotImplementedError",
    };
  }
  return {
    name: "thrown value",
    message: `threw ${inspect(e, { colors: false })} (throw an Error instead)`,
    stack: [],
    notImplemented: false,
  };
}

/** Reads and writes the grader's socket: set once connected, reachable from this module only. */
let socket: {
  read(into: Uint8Array): Promise<number | null>;
  write(bytes: Uint8Array): Promise<number>;
};

async function send(line: string): Promise<void> {
  const bytes = encoder.encode(line + "\n");
  for (let off = 0; off < bytes.length;) off += await socket.write(bytes.subarray(off));
}

/** The write of the last started line, while it is not complete (the socket was full). */
let announcing: Promise<void> | undefined;

/**
 * Tells the grader that the process starts on request `id`. Deno writes to a socket when asked
 * (it only waits when the socket is full), so the line is out before the request runs. A call
 * runs with no await between this line and its reply (which goes out once the line's write is
 * done): in between, only that call's code runs and what it queued, never a timer callback that
 * an exercise left behind (those run when the worker waits for the next request).
 */
function announce(id: number): void {
  const write = send(startedLine(id));
  announcing = write;
  write.then(() => {
    if (announcing === write) announcing = undefined;
  });
}

function reply(id: number, body: Record<string, unknown>): Promise<void> {
  const line = stringify({ id, output, droppedOutput: dropped, ...body } as Reply);
  output = "";
  dropped = 0;
  return announcing ? announcing.then(() => send(line)) : send(line);
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

function sameBits(a: Float64Array | Int32Array, b: Float64Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function changedArguments(watched: Watched[]): ChangedArgument[] {
  const changed: ChangedArgument[] = [];
  for (const w of watched) {
    const now = w.owner instanceof Matrix ? w.owner.data : w.owner;
    if (now !== w.data || !sameBits(now, w.before)) {
      changed.push({ path: w.path, after: encode(w.owner) });
    }
  }
  return changed;
}

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
const ownDescriptor = Reflect.getOwnPropertyDescriptor;
const prototypeOf = Reflect.getPrototypeOf;
const isArray = Array.isArray;
const entries = Object.entries;
const objectPrototype = Object.prototype;

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

/**
 * Every typed buffer of a returned value, walked the way `encode` walks it (matrices, typed
 * arrays, arrays, plain objects). A Matrix's data is read from its own data property, never
 * through a getter.
 */
function returnedRegions(
  value: unknown,
  path: (string | number)[],
  out: Region[],
  depth = 0,
): void {
  if (depth > 32 || value === null || typeof value !== "object") return;
  if (value instanceof Matrix) { // as `encode` decides (Matrix and its prototype are frozen)
    const data = ownDescriptor(value, "data");
    const r = data && "value" in data ? region(data.value, path, true) : undefined;
    if (r) out.push(r);
    return;
  }
  const r = region(value, path, false);
  if (r) {
    out.push(r);
  } else if (isArray(value)) {
    for (let i = 0; i < value.length; i++) returnedRegions(value[i], [...path, i], out, depth + 1);
  } else if (prototypeOf(value) === objectPrototype || prototypeOf(value) === null) {
    for (const [k, v] of entries(value)) returnedRegions(v, [...path, k], out, depth + 1);
  }
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
 * Which typed arrays of `value` (what export `fn` of exercise `url` returned) share memory with
 * an argument (`args`: the arguments' arrays as the call received them), with another part of
 * `value`, or with what the exercise returned on an earlier call; then remembers `value`'s.
 */
function sharedMemory(value: unknown, args: Region[], url: string, fn: string): SharedMemory[] {
  const regions: Region[] = [];
  returnedRegions(value, [], regions);
  let before = returnedBefore.get(url);
  if (!before) returnedBefore.set(url, before = new WeakMap());
  const found: SharedMemory[] = [];
  regions.forEach((r, i) => {
    const arg = args.find((a) => overlap(r, a));
    if (arg) return found.push(finding(r, arg, "argument"));
    const sibling = regions.slice(0, i).find((s) => overlap(r, s));
    if (sibling) return found.push(finding(r, sibling, "returned"));
    const earlier = before.get(r.buffer)?.find((e) => overlap(r, e.region));
    if (earlier) found.push(finding(r, earlier.region, "earlier", earlier.fn));
  });
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
      const exports: Record<string, string> = {};
      for (const [k, v] of Object.entries(mod)) exports[k] = typeof v;
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
  try {
    encoded = encode(value);
  } catch (e) {
    const err = thrown(e, stagingPrefix);
    err.message = `the returned value could not be read: ${err.message}`;
    return reply(req.id, { ok: false, error: err });
  }
  let shared: SharedMemory[];
  try {
    shared = sharedMemory(value, argumentRegions, req.url, req.name);
  } catch (e) {
    // Only learner code can throw here (a getter in the returned value).
    const err = thrown(e, stagingPrefix);
    err.message = `the returned value could not be read: ${err.message}`;
    return reply(req.id, { ok: false, error: err });
  }
  return reply(req.id, {
    ok: true,
    value: encoded,
    changed: changedArguments(watched),
    ...(shared.length > 0 ? { shared } : {}),
    probes: traces,
  });
}

/** The lines `read` returns, until it returns null (the other end closed). */
async function* lines(read: (into: Uint8Array) => Promise<number | null>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const chunk = new Uint8Array(1 << 16);
  let buffer = "";
  for (;;) {
    const n = await read(chunk);
    if (n === null) return;
    buffer += decoder.decode(chunk.subarray(0, n), { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      yield buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
    }
  }
}

/**
 * Connects to the grader's socket and gives up the permissions the connection needed, before any
 * exercise code runs: afterwards, the process can only read the staged files and `lib/`.
 */
async function connectToGrader(socketPath: string): Promise<void> {
  const conn = await connect({ transport: "unix", path: socketPath });
  revoke({ name: "net" });
  revoke({ name: "write" });
  revoke({ name: "read", path: socketPath });
  socket = { read: conn.read.bind(conn), write: conn.write.bind(conn) };
}

async function main(): Promise<void> {
  const args = parseWorkerArgv(Deno.args);
  outputLimit = args.outputLimit;
  await connectToGrader(args.socketPath);

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

  for await (const line of lines(socket.read)) {
    if (line.trim() === "") continue;
    const req = parse(line) as Request;
    announce(req.id);
    await handle(req);
  }
}

try {
  await main();
  // The grader closed the socket (it is done, or gone): end now, even if exercise code left
  // something scheduled.
  realExit(0);
} catch (e) {
  // A failure of the worker itself (not of learner code): say so on stderr, which the grader
  // shows, and exit non-zero so it is reported as a crash rather than silence.
  Deno.stderr.writeSync(encoder.encode(`gradkit sandbox worker failed: ${inspect(e)}\n`));
  realExit(70);
}
