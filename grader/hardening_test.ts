/**
 * The hardening matrix: broken, runaway and hostile exercise files, each graded beside correct
 * ones. Each must get its own clear verdict while every other exercise is still graded right,
 * the report stays intact, and nothing outside the run's temporary folder changes.
 */

import assert from "node:assert/strict";
import { randomMatrix } from "@gradkit/lib";
import { grade, KIT_DIR } from "./grade.ts";
import type { Exercise } from "./manifest.ts";
import type { ExerciseReport, ExerciseStatus } from "./report.ts";
import { CheckFailure, type ExerciseSpec } from "./spec.ts";
import { BOUNDS } from "./bounds.ts";

const doubleSpec: ExerciseSpec = {
  id: "double",
  exports: ["double"],
  hint: "multiply every entry by two",
  tests: [{
    name: "doubles a 3×4 matrix",
    run: async (t) => {
      const x = randomMatrix(t.rng, 3, 4);
      const out = t.expectMatrix(await t.call("double", x), "double(x)", [3, 4]);
      t.expectClose("double(x)", out, x.mul(2));
    },
  }, {
    name: "doubles a 1×1 matrix",
    run: async (t) => {
      const x = randomMatrix(t.rng, 1, 1);
      const out = t.expectMatrix(await t.call("double", x), "double(x)", [1, 1]);
      t.expectClose("double(x)", out, x.mul(2));
    },
  }],
};

/** Expects `double` to return an object keyed like Object.prototype's methods. */
const keysSpec: ExerciseSpec = {
  id: "keys",
  exports: ["double"],
  hint: "return { valueOf: 2x, constructor: 1, toString: 's', __proto__: null }",
  tests: [{
    name: "returns an object keyed like Object.prototype's methods",
    run: async (t) => {
      const x = randomMatrix(t.rng, 2, 2);
      const keys = ["valueOf", "constructor", "toString", "__proto__"];
      const o = t.expectObject(await t.call("double", x), "double(x)", keys);
      const got = t.expectMatrix(o.valueOf, "double(x).valueOf", [2, 2]);
      t.expectClose("double(x).valueOf", got, x.mul(2));
      const rest = [o.constructor, o.toString, o.__proto__] as unknown[];
      if (rest[0] !== 1 || rest[1] !== "s" || rest[2] !== null) {
        throw new CheckFailure(`double(x): other keys wrong: ${JSON.stringify(rest)}`);
      }
    },
  }],
};

const GOOD = `import { Matrix } from "@gradkit/lib";
export function double(x: Matrix): Matrix { return x.mul(2); }
`;

/** `same(x)` returns `{ m }`, a new matrix equal to `x` (memory shared with `x` fails). */
const sameSpec: ExerciseSpec = {
  id: "same",
  exports: ["same"],
  hint: "return a new matrix equal to x",
  tests: [{
    name: "a new copy of a 3×4 matrix",
    run: async (t) => {
      t.requireNewValues();
      const x = randomMatrix(t.rng, 3, 4);
      const out = t.expectObject(await t.call("same", x), "same(x)", ["m"]);
      t.expectClose("same(x).m", t.expectMatrix(out.m, "same(x).m", [3, 4]), x);
    },
  }],
};

/** A file whose `double` body is `body` (with `x` in scope), after `header`. */
function withBody(body: string, header = ""): string {
  return `import { Matrix } from "@gradkit/lib";\n${header}\nexport function double(x: Matrix): Matrix {\n${body}\n}\n`;
}

/** Code that sets `dir` to the sandboxes' sockets folder, found from the module's staged URL. */
const SOCKETS_DIR =
  'const dir = new URL(import.meta.url).pathname.replace(/\\/snapshots\\/.*$/, "/sockets");';

interface Row {
  name: string;
  source: string;
  /** The verdict it must get (one of these, where the machine's speed decides between them). */
  status: ExerciseStatus | ExerciseStatus[];
  /** Matched against the exercise's message and its tests' messages. */
  message?: RegExp;
  /** The file is a hard link to this file instead (where the file systems allow it). */
  hardLinkTo?: string;
  /** The spec the row's file is graded with (default: `doubleSpec`). */
  spec?: ExerciseSpec;
  /**
   * The row is graded in a run of its own with the other timed rows (and the files beside
   * them), which must take less than this (for a bound on the grader's own work).
   */
  maxMs?: number;
  /** More checks of the row's report. */
  check?: (bad: ExerciseReport) => void;
}

/** An object that holds the same object twice, 30 levels deep: 2^30 leaves once expanded. */
const SELF_SHARING = "let v: unknown = {}; for (let i = 0; i < 30; i++) v = { a: v, b: v };";
/** Keys named like Object.prototype's methods, and "__proto__" (own keys, as in plain Deno). */
const PROTO_KEYS =
  'const o = { valueOf: x.mul(2), constructor: 1, toString: "s", ["__proto__"]: null };';

const tmp = await Deno.makeTempDir({ prefix: "gradkit-hardening-" });
const canary = `${tmp}/canary.txt`;
const secret = `${KIT_DIR}/grader/spec.ts`;

const ROWS: Row[] = [
  // broken
  {
    name: "syntax error",
    source: "export function double(x {",
    status: "error",
    message: /syntax error/,
  },
  {
    name: "type error",
    source: withBody("return (x as any).nope();"),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "missing export",
    source: "export function triple() {}",
    status: "error",
    message: /does not export double/,
  },
  {
    name: "export of the wrong kind",
    source: "export const double = 2;",
    status: "error",
    message: /exported as a number/,
  },
  {
    name: "throws",
    source: withBody('throw new Error("boom");'),
    status: "error",
    message: /threw Error: boom/,
  },
  {
    name: "throws a string",
    source: withBody('throw "boom";'),
    status: "error",
    message: /throw an Error instead/,
  },
  {
    name: "returns undefined",
    source: withBody("return undefined as unknown as Matrix;"),
    status: "failed",
    message: /undefined/,
  },
  {
    name: "returns NaN",
    source: withBody("return x.mul(NaN);"),
    status: "failed",
    message: /NaN.*overflow/,
  },
  {
    name: "returns Infinity",
    source: withBody("return x.mul(Infinity);"),
    status: "failed",
    message: /Infinity/,
  },
  {
    name: "wrong shape",
    source: withBody("return x.T.mul(2);"),
    status: "failed",
    message: /shape.*transposed/,
  },
  {
    name: "plain array",
    source: withBody("return [...x.data].map((v) => 2 * v) as unknown as Matrix;"),
    status: "failed",
    message: /plain array/,
  },
  {
    name: "mutates its input",
    source: withBody("x.data[0] = 0; return x.mul(2);"),
    status: "failed",
    message: /double returned with its argument 1 changed/,
  },
  {
    name: "returns a Promise",
    source:
      "import { Matrix } from '@gradkit/lib';\nexport async function double(x: Matrix) { return x.mul(2); }",
    status: "failed",
    message: /Promise/,
  },
  // runaway
  {
    name: "infinite loop",
    source: withBody("for (;;) {}"),
    status: "timeout",
    message: /time limit/,
  },
  {
    name: "never-settling top-level await",
    source: "await new Promise(() => {});\nexport function double() {}",
    status: "timeout",
    message: /did not finish loading/,
  },
  {
    name: "unbounded memory",
    source: withBody("const a = []; for (;;) a.push(new Float64Array(1 << 20).fill(1)); return x;"),
    status: "error",
    message: /memory limit/,
  },
  {
    name: "unbounded printing to stdout",
    source: withBody(
      'const b = new TextEncoder().encode("x".repeat(1 << 16)); for (;;) Deno.stdout.writeSync(b);',
    ),
    status: "error",
    message: /printed more than/,
  },
  {
    name: "unbounded console output",
    source: withBody('for (let i = 0; i < 200000; i++) console.log("spam", i); return x.mul(2);'),
    status: "passed",
  },
  {
    name: "busy timer",
    source: withBody(
      "return x.mul(2);",
      "setInterval(() => { let s = 0; for (let i = 0; i < 1e6; i++) s += i; }, 0);",
    ),
    status: "passed",
  },
  {
    // The first timer loads Deno's timers after the lockdown (the worker itself never needs one).
    name: "waits on a timer at the top level",
    source: withBody("return x.mul(2);", "await new Promise((r) => setTimeout(r, 5));"),
    status: "passed",
  },
  {
    name: "a timer that fires after returning",
    source: withBody('setTimeout(() => console.log("late"), 0); return x.mul(2);'),
    status: "passed",
  },
  {
    name: "a loop of promises after returning",
    source: withBody(
      "const spin = (): Promise<void> => Promise.resolve().then(spin); spin(); return x.mul(2);",
    ),
    // Each turn chains a new promise: the process either runs out of time or out of memory.
    status: ["error", "timeout"],
    message: /kept running|time limit|memory limit/,
  },
  // hostile: files, network, environment, processes
  {
    name: "reads the environment through the process global",
    source: withBody("return x.mul(Number(process.env.GRADER_SEED ?? 2));"),
    status: "error",
    message: /process is not available in an exercise/,
  },
  {
    name: "reads a solution file",
    source: withBody(
      `Deno.readTextFileSync(${
        JSON.stringify(`${KIT_DIR}/solutions/08_mse_loss.ts`)
      }); return x.mul(2);`,
    ),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "reads a file outside the kit",
    source: withBody('Deno.readTextFileSync("/etc/hostname"); return x.mul(2);'),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "uses localStorage to pass data between runs",
    source: withBody('localStorage.setItem("k", "v"); return x.mul(2);'),
    status: "error",
    message: /localStorage is not available/,
  },
  {
    name: "builds code from a string",
    source: withBody('return new Function("x", "return x.mul(2)")(x);'),
    status: "error",
    message: /Code generation from strings disallowed/,
  },
  {
    name: "stops itself with SIGSTOP",
    source: withBody('Deno.kill(Deno.pid, "SIGSTOP"); return x.mul(2);'),
    status: "error",
    message: /Deno\.kill\(\) is not allowed/,
  },
  {
    name: "reads a grader file",
    source: withBody(`Deno.readTextFileSync(${JSON.stringify(secret)}); return x.mul(2);`),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "reads a file through node:fs",
    source: `import { readFileSync } from "node:fs";\n` +
      withBody(`readFileSync(${JSON.stringify(secret)}); return x.mul(2);`),
    status: "error",
    message: /imports node:fs, a Node\.js built-in module, which the sandbox refuses/,
  },
  {
    name: "imports a Node.js built-in through a computed specifier",
    source: withBody(
      "return x.mul(2);",
      'const m = "node:" + "child_process"; await import(m);',
    ),
    status: "error",
    message: /imports node:child_process, a Node\.js built-in module/,
  },
  {
    name: "writes a file",
    source: withBody(`Deno.writeTextFileSync(${JSON.stringify(canary)}, "x"); return x.mul(2);`),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "deletes a file",
    source: withBody(`Deno.removeSync(${JSON.stringify(secret)}); return x.mul(2);`),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "opens a socket",
    source: withBody("Deno.listen({ port: 0 }); return x.mul(2);"),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "reads an environment variable",
    source: withBody('Deno.env.get("GRADER_SEED"); return x.mul(2);'),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "starts a process",
    source: withBody('new Deno.Command("true").outputSync(); return x.mul(2);'),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "starts a process by absolute path",
    source: withBody(
      'new Deno.Command("/bin/sh", { args: ["-c", "true"] }).outputSync(); return x.mul(2);',
    ),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "calls Deno.exit(0)",
    source: withBody("Deno.exit(0);"),
    status: "error",
    message: /Deno.exit\(\) is not allowed/,
  },
  {
    name: "calls process.exit(0)",
    source: `import process from "node:process";\n` + withBody("process.exit(0);"),
    status: "error",
    message: /Node\.js built-in module|process\.exit\(\) is not allowed/,
  },
  {
    name: "calls Deno.exit(0) while loading",
    source: "Deno.exit(0);\nexport function double() {}",
    status: "error",
    message: /not allowed/,
  },
  // hostile: the realm
  {
    name: "overrides Math",
    source: GOOD + "Math.exp = () => 0;",
    status: "error",
    message: /built-in/,
  },
  {
    name: "overrides JSON",
    source: GOOD + "(globalThis as any).JSON = { stringify: () => '' };",
    status: "error",
    message: /built-in/,
  },
  {
    name: "overrides Float64Array",
    source: GOOD + "(globalThis as any).Float64Array = Array;",
    status: "error",
    message: /built-in/,
  },
  {
    name: "overrides console",
    source: GOOD + "console.log = () => {};",
    status: "error",
    message: /built-in/,
  },
  {
    name: "patches lib's Matrix",
    source: GOOD + "(Matrix.prototype as any).mul = () => 0;",
    status: "error",
    message: /built-in/,
  },
  {
    name: "prints text that imitates the protocol",
    source: withBody(
      'console.log("\\x1e" + JSON.stringify({ id: 3, ok: true, value: 1 })); Deno.stdout.writeSync(new TextEncoder().encode("\\x1eabc:{\\"id\\":4,\\"ok\\":true}\\n")); return x.mul(2);',
    ),
    status: "passed",
  },
  {
    name: "prints a reply to stdout with the id of the next request",
    source: withBody(
      'for (let id = 1; id < 40; id++) Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify({ id, output: "", droppedOutput: 0, ok: true, value: 1 }) + "\\n")); return x.mul(2);',
    ),
    status: "passed",
  },
  // hostile: the sandbox's socket (its folder is found from the module's own URL)
  {
    name: "connects to the grader's socket while loading",
    source: withBody(
      "return x.mul(2);",
      `${SOCKETS_DIR} await Deno.connect({ transport: "unix", path: dir + "/0" });`,
    ),
    status: "error",
    message: /outside the sandbox|the sandbox does not allow/,
  },
  {
    name: "writes a file where its socket was",
    source: withBody(
      `${SOCKETS_DIR} Deno.writeTextFileSync(dir + "/0", "x"); return x.mul(2);`,
    ),
    status: "error",
    message: /outside the sandbox/,
  },
  {
    name: "still holds a permission the connection needed",
    source: withBody(
      `${SOCKETS_DIR} for (let k = 0; k < 64; k++) for (const d of [{ name: "net", host: "unix:" + dir + "/" + k }, { name: "write", path: dir + "/" + k }, { name: "read", path: dir + "/" + k }]) { if (Deno.permissions.querySync(d as Deno.PermissionDescriptor).state === "granted") throw new Error(JSON.stringify(d) + " is granted"); } return x.mul(2);`,
    ),
    status: "passed",
  },
  // hostile: Deno's internals and other realms
  {
    // Reached through Deno[Deno.internal].core, every resource of the realm: were the grader's
    // socket among them, forged replies would fail the exercises graded beside this one.
    name: "writes forged replies on every resource it can reach",
    source: withBody(
      "const core = (Deno as any)[(Deno as any).internal]?.core; if (core) { const line = new TextEncoder().encode(Array.from({ length: 200 }, (_, id) => 'started ' + id + '\\n' + JSON.stringify({ id, output: '', droppedOutput: 0, ok: false, error: { name: 'Error', message: 'forged', stack: [], notImplemented: false } })).join('\\n') + '\\n'); for (const rid of Object.keys(core.resources())) { try { core.writeSync(Number(rid), line); } catch {} } } return x.mul(2);",
    ),
    status: "passed",
  },
  {
    name: "finds Deno's internals",
    source: withBody(
      "if ((Deno as any)[(Deno as any).internal] !== undefined) throw new Error('internals reachable'); return x.mul(2);",
    ),
    status: "passed",
  },
  {
    name: "evaluates a string through Deno's internals",
    source: withBody(
      "return (Deno as any)[(Deno as any).internal].core.evalContext('2', 'file:///x.js')[0] * 0 + x.mul(2);",
    ),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "imports code from a blob: URL",
    source: withBody(
      "return x.mul(2);",
      "await import(URL.createObjectURL(new Blob(['export default 1'], { type: 'text/javascript' })));",
    ),
    status: "error",
    message: /createObjectURL is not a function|TypeError/,
  },
  {
    name: "starts a Web Worker",
    source: withBody(
      "new Worker(new URL(import.meta.url), { type: 'module' }); return x.mul(2);",
    ),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "posts a message to the host",
    source: withBody("(globalThis as any).postMessage('started 1'); return x.mul(2);"),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "opens a BroadcastChannel",
    source: withBody("new (globalThis as any).BroadcastChannel('x'); return x.mul(2);"),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "closes its realm",
    source: withBody("(globalThis as any).close(); return x.mul(2);"),
    status: "error",
    message: /TypeError/,
  },
  {
    name: "patches the array iterator",
    source: GOOD +
      "Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true, value: undefined });",
    status: "error",
    message: /built-in/,
  },
  {
    name: "patches the generator prototype",
    source: GOOD +
      "Object.getPrototypeOf(function* () {}).prototype.next = () => ({ done: true });",
    status: "error",
    message: /built-in/,
  },
  {
    name: "hides a change to its input behind an own buffer property",
    source: withBody(
      "const out = x.mul(2); const copy = x.data.slice(); Object.defineProperty(x.data, 'buffer', { get: () => copy.buffer }); x.data.fill(0); return out;",
    ),
    status: "failed",
    message: /returned with its argument 1 changed/,
  },
  {
    name: "exports a function named like a method of Object.prototype",
    source: GOOD + "export function valueOf() { return 1; }\nexport function constructor() {}",
    status: "passed",
  },
  {
    name: "keeps the process alive from an unload listener",
    source: withBody(
      "return x.mul(2);",
      "addEventListener('unload', () => { for (;;) {} });",
    ),
    status: "passed",
  },
  {
    name: "a hard link to a kit solution file",
    source: withBody('throw new Error("not linked: /tmp is another file system");'),
    hardLinkTo: `${KIT_DIR}/solutions/08_mse_loss.ts`,
    status: "error",
    message: /the same file \(a hard link\) as one of the kit's own|not linked/,
  },
  {
    // Each read of m answers differently: the argument itself once, copies otherwise. The check
    // of shared memory must see exactly the arrays that were sent, whichever read sent them.
    name: "returns an argument through a getter that answers differently on each read",
    source: `import { Matrix } from "@gradkit/lib";
export function same(x: Matrix) {
  let reads = 0;
  return { get m() { reads++; return reads % 2 === 0 ? x : x.clone(); } };
}
`,
    spec: sameSpec,
    status: "failed",
    message: /shares memory with argument|is the same matrix as argument/,
  },
  // hostile: imports
  {
    name: "imports a grader file by absolute path",
    source: `import { CheckFailure } from ${
      JSON.stringify(secret)
    };\nexport const double = () => CheckFailure;`,
    status: "error",
    message: /imports/,
  },
  {
    name: "imports a solution by relative path",
    source: 'export * from "../solutions/08_mse_loss.ts";\nexport function double() {}',
    status: "error",
    message: /imports/,
  },
  {
    name: "imports a grader file dynamically",
    source: `await import(${JSON.stringify(secret)});\nexport function double() {}`,
    status: "error",
    message: /imports/,
  },
  {
    name: "imports a grader file through a computed specifier",
    source: `const p = ${
      JSON.stringify(secret)
    }.split("").join("");\nawait import(p);\nexport function double() {}`,
    status: "error",
    message: /imports/,
  },
  {
    name: "imports a grader file through a symbolic link",
    source:
      'import { CheckFailure } from "./linked.ts";\nexport const double = () => CheckFailure;',
    status: "error",
    message: /imports/,
  },
  {
    name: "imports a URL",
    source: 'import "https://example.com/x.ts";\nexport function double() {}',
    status: "error",
    message: /imports/,
  },
  {
    name: "imports an npm package",
    source: 'import "npm:is-number@7.0.0";\nexport function double() {}',
    status: "error",
    message: /imports/,
  },
  // bounded: nothing a learner sends costs the grader unbounded time, memory or report size
  {
    // The old pattern for the location (shownLocation) took time quadratic in the line's
    // length: this row and the next took 70 s of the grader's time (measured), now 0.2 s.
    name: "throws an error whose message and stack are a long line of slashes",
    source: withBody('throw new Error(import.meta.url + " " + "/".repeat(150_000));'),
    status: "error",
    // The private folder's path is shown as the learner's.
    message: /threw Error: [\w/-]*\/bad_\d+\.ts \/{100}/,
    maxMs: 5000,
  },
  {
    // The old pattern for a refused import (explainLoadError) was quadratic in "not"s.
    name: "throws a long line of 'not's while loading",
    source: 'throw new Error("not".repeat(100_000));\nexport function double() {}',
    status: "error",
    message: /threw while loading: the module threw Error: (not){100}/,
    maxMs: 5000,
  },
  {
    name: "returns an object that holds the same object many times",
    source: withBody(`${SELF_SHARING} return v as Matrix;`),
    status: "failed",
    message: /got a value too large to send: an object of more than 1,000,000 values/,
  },
  {
    name: "returns an object with keys named like Object.prototype's methods",
    source: withBody(`${PROTO_KEYS} return o as unknown as Matrix;`),
    status: "failed",
    message: /got an object with keys \{valueOf, constructor, toString, __proto__\}/,
  },
  {
    name: "returns the right object with keys named like Object.prototype's methods",
    source: withBody(`${PROTO_KEYS} return o as unknown as Matrix;`),
    spec: keysSpec,
    status: "passed",
  },
  {
    // A report used to hold such a message whole, three times (20 MB made a 60 MB report).
    name: "throws a 1 MB error message",
    source: withBody('throw new Error("x".repeat(1_000_000));'),
    status: "error",
    message: /threw Error: x{100}/,
    check: (bad) => {
      for (const m of [bad.message, ...bad.tests.map((t) => t.message)]) {
        assert.ok((m ?? "").length <= BOUNDS.messageChars, `${m?.length}`);
      }
      assert.ok(JSON.stringify(bad).length < 20_000, `${JSON.stringify(bad).length}`);
    },
  },
];

/** The row files, each beside a correct file that must still pass. */
/**
 * Rows that fill memory (an allocation loop; a loop of promises, each waiting on the next), graded
 * in a run of their own: filling memory is slow on a loaded machine, and what a limit hit by no
 * call costs the exercises beside it (graded again, alone) is then theirs alone.
 */
const MEMORY_ROWS = new Set(
  ["unbounded memory", "a loop of promises after returning"].map((name) =>
    ROWS.findIndex((r) => r.name === name)
  ),
);
const exercises: Exercise[] = [];
const files: Record<string, string> = {};
ROWS.forEach((row, i) => {
  files[`bad_${i}.ts`] = row.source;
  files[`good_${i}.ts`] = GOOD;
  exercises.push({
    id: `bad_${i}`,
    file: `bad_${i}.ts`,
    title: row.name,
    concept: "",
    points: 1,
    spec: row.spec ?? doubleSpec,
  });
  exercises.push({
    id: `good_${i}`,
    file: `good_${i}.ts`,
    title: "good",
    concept: "",
    points: 1,
    spec: doubleSpec,
  });
});
const sub = `${tmp}/submission`;
await Deno.mkdir(sub);
for (const [name, text] of Object.entries(files)) await Deno.writeTextFile(`${sub}/${name}`, text);
// A deno.json in the submission that would send @gradkit/lib elsewhere: --no-config ignores it,
// so every good exercise (which imports @gradkit/lib) must still pass.
await Deno.writeTextFile(`${sub}/evil_lib.ts`, "export const Matrix = null;\n");
await Deno.writeTextFile(
  `${sub}/deno.json`,
  JSON.stringify({ imports: { "@gradkit/lib": "./evil_lib.ts" } }),
);
// A link inside the submission to a grader file: it must be skipped, never read.
await Deno.symlink(secret, `${sub}/linked.ts`);
const hardLinked = ROWS.flatMap((row, i) => {
  if (!row.hardLinkTo) return [];
  try {
    Deno.removeSync(`${sub}/bad_${i}.ts`);
    Deno.linkSync(row.hardLinkTo, `${sub}/bad_${i}.ts`);
  } catch {
    Deno.writeTextFileSync(`${sub}/bad_${i}.ts`, row.source);
    return [];
  }
  return [`bad_${i}.ts: the same file (a hard link) as one of the kit's own`];
});

const before = await Deno.readTextFile(secret);
const rowOf = (e: Exercise) => Number(/_(\d+)$/.exec(e.id)?.[1]);
const TIMED = new Set(ROWS.flatMap((r, i) => r.maxMs ? [i] : []));
// Filling memory is slow on a loaded machine (page faults): the memory limit gets its own run,
// in sandboxes of its own, with a time limit far beyond what reaching it takes. It runs while the
// main run waits on its loops' time limits.
const memoryRun = grade({
  dir: sub,
  seed: 5,
  exercises: exercises.filter((e) => MEMORY_ROWS.has(rowOf(e))),
  limits: { timeMs: 60_000, memoryMb: 200 },
});
const report = await grade({
  dir: sub,
  seed: 5,
  exercises: exercises.filter((e) => !MEMORY_ROWS.has(rowOf(e)) && !TIMED.has(rowOf(e))),
  limits: { timeMs: 4000, memoryMb: 200 },
});
const memoryReport = await memoryRun;

// Rows that bound the grader's own work: a run of their own, timed whole.
let timedMs = performance.now();
const timedReport = await grade({
  dir: sub,
  seed: 5,
  exercises: exercises.filter((e) => TIMED.has(rowOf(e))),
  limits: { timeMs: 4000, memoryMb: 200 },
});
timedMs = performance.now() - timedMs;

ROWS.forEach((row, i) => {
  Deno.test(`hardening: ${row.name} → ${[row.status].flat().join(" or ")}, and the exercise beside it still passes`, () => {
    const r = MEMORY_ROWS.has(i) ? memoryReport : TIMED.has(i) ? timedReport : report;
    const bad = r.exercises.find((e) => e.id === `bad_${i}`)!;
    const good = r.exercises.find((e) => e.id === `good_${i}`)!;
    const messages = [bad.message ?? "", ...bad.tests.map((t) => t.message ?? "")].join("\n");
    const wanted = Array.isArray(row.status) ? row.status : [row.status];
    assert.ok(wanted.includes(bad.status), `${row.name}: ${bad.status}: ${messages}`);
    if (row.message) assert.match(messages, row.message);
    assert.equal(good.status, "passed", `beside ${row.name}: ${good.message ?? ""}`);
    if (row.maxMs) assert.ok(timedMs < row.maxMs, `${row.name}: ${Math.round(timedMs)} ms`);
    row.check?.(bad);
  });
});

Deno.test("hardening: nothing outside the run's folder changed, links were skipped", async () => {
  assert.equal(await Deno.readTextFile(secret), before);
  await assert.rejects(Deno.stat(canary));
  assert.ok(report.skippedFiles.some((s) => s.startsWith("linked.ts: a symbolic link")));
  for (const h of hardLinked) assert.ok(report.skippedFiles.some((s) => s.startsWith(h)), h);
  assert.equal(
    report.exercises.length + memoryReport.exercises.length + timedReport.exercises.length,
    exercises.length,
  );
  await Deno.remove(tmp, { recursive: true });
});
