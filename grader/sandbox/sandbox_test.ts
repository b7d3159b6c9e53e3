import assert from "node:assert/strict";
import { KIT_DIR } from "../pool.ts";
import {
  DEFAULT_LIMITS,
  Sandbox,
  SANDBOX_MODULES,
  sandboxArgs,
  SandboxFailure,
  type SandboxOptions,
  TimeBudget,
} from "./sandbox.ts";
import { MAX_REPLY_CHARS } from "./protocol.ts";

/** A sandbox running `source` as its worker, in a temporary folder that `use` may inspect. */
async function withWorker(
  source: string,
  use: (sandbox: Sandbox, options: SandboxOptions) => Promise<void>,
): Promise<void> {
  const dir = Deno.makeTempDirSync({ prefix: "gradkit-sandbox-test-" });
  Deno.writeTextFileSync(`${dir}/worker.ts`, source);
  Deno.writeTextFileSync(`${dir}/import_map.json`, "{}");
  const options: SandboxOptions = {
    mainModule: `${dir}/worker.ts`,
    allowRead: [dir],
    importMapPath: `${dir}/import_map.json`,
    denoDir: `${KIT_DIR}/.cache/sandbox-deno`,
    cwd: dir,
    socketPath: `${dir}/socket`,
    limits: DEFAULT_LIMITS,
  };
  const sandbox = new Sandbox(options);
  try {
    await use(sandbox, options);
  } finally {
    await sandbox.close();
    Deno.removeSync(dir, { recursive: true });
  }
}

/**
 * A fake worker: runs `before`, connects, then reads request lines from the socket and passes
 * each to `onRequest` (with `req`, `say(line)` and `sleep(ms)` in scope).
 */
const SERVE = (onRequest: string, before = "") => `
${before}
const conn = await Deno.connect({ transport: "unix", path: Deno.args[0] });
const encoder = new TextEncoder();
const say = (line) => conn.write(encoder.encode(line + "\\n"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const buf = new Uint8Array(4096);
let text = "";
for (;;) {
  const n = await conn.read(buf);
  if (n === null) break;
  text += new TextDecoder().decode(buf.subarray(0, n));
  let end;
  while ((end = text.indexOf("\\n")) >= 0) {
    const req = JSON.parse(text.slice(0, end));
    text = text.slice(end + 1);
    ${onRequest}
  }
}
`;

Deno.test("sandboxArgs: the socket's path is the only path beyond the allowed folders", () => {
  const args = sandboxArgs({
    mainModule: "/k/grader/sandbox/host.ts",
    allowRead: ["/s/snapshots", "/k/lib"],
    importMapPath: "/s/import_map.json",
    denoDir: "/k/.cache/sandbox-deno",
    cwd: "/s/snapshots",
    socketPath: "/s/sockets/0",
    limits: DEFAULT_LIMITS,
  });
  const allows = args.filter((a) => a.startsWith("--allow"));
  assert.deepEqual(allows, [
    "--allow-read=/s/snapshots,/k/lib,/s/sockets/0",
    "--allow-write=/s/sockets/0",
    "--allow-net=unix:/s/sockets/0",
  ]);
  assert.ok(args.includes("--no-prompt"));
  // The process's own arguments: the socket and the limits, nothing secret.
  assert.deepEqual(args.slice(args.indexOf("/k/grader/sandbox/host.ts") + 1), [
    "/s/sockets/0",
    String(DEFAULT_LIMITS.outputChars),
    String(MAX_REPLY_CHARS),
  ]);
});

Deno.test("Sandbox: a process that ends before it connects is a crash, with what it printed", async () => {
  await withWorker(
    `console.error("error: the worker could not start"); Deno.exit(3);`,
    async (sandbox, options) => {
      const failure = await sandbox.request(
        { op: "settle", url: "file:///x.ts" },
        new TimeBudget(20_000),
      )
        .then(() => undefined, (e) => e);
      assert.ok(failure instanceof SandboxFailure, String(failure));
      assert.equal(failure.kind, "crash");
      assert.match(failure.message, /exited with code 3\): the worker could not start/);
      await assert.rejects(Deno.lstat(options.socketPath), Deno.errors.NotFound);
    },
  );
});

Deno.test("Sandbox: requests wait for the connection; replies come on the socket, not stdout", async () => {
  await withWorker(
    SERVE(
      // A forged reply on stdout first: it must be taken for stray text.
      `Deno.stdout.writeSync(encoder.encode(JSON.stringify({ id: req.id, ok: false }) + "\\n"));
      await say("started " + req.id);
      await say(JSON.stringify({ id: req.id, output: "#" + req.id, droppedOutput: 0, ok: true }));`,
      "await new Promise((r) => setTimeout(r, 200)); // requests are sent before this connects",
    ),
    async (sandbox, options) => {
      const budget = new TimeBudget(20_000);
      const [a, b] = await Promise.all([
        sandbox.request({ op: "settle", url: "file:///x.ts" }, budget),
        sandbox.request({ op: "settle", url: "file:///x.ts" }, budget),
      ]);
      assert.deepEqual([a.ok, a.output, b.ok, b.output], [true, "#1", true, "#2"]);
      // The listener closed once the process connected, which removed the socket's file.
      await assert.rejects(Deno.lstat(options.socketPath), Deno.errors.NotFound);
    },
  );
});

const CALL = { op: "call" as const, url: "file:///x.ts", name: "f", args: [] };

/** Answers a settle request at once (with `continue`: inside SERVE's loop). */
const ANSWER_SETTLE = `if (req.op === "settle") {
  await say("started " + req.id);
  await say(JSON.stringify({ id: req.id, output: "", droppedOutput: 0, ok: true }));
  continue;
}`;

/** Waits until the process has connected and answered a request (however loaded the machine). */
async function warm(sandbox: Sandbox): Promise<void> {
  await sandbox.request({ op: "settle", url: "file:///x.ts" }, new TimeBudget(60_000));
}

/** Waits until the process has started on a request. */
async function untilRunning(sandbox: Sandbox): Promise<void> {
  while (!sandbox.running) await new Promise((r) => setTimeout(r, 10));
}

Deno.test("Sandbox: time is charged from the worker's started line to its reply, not while queued", async () => {
  await withWorker(
    SERVE(`await sleep(400); await say("started " + req.id); await sleep(200);
    await say(JSON.stringify({ id: req.id, output: "", droppedOutput: 0, ok: true }));`),
    async (sandbox) => {
      const first = new TimeBudget(10_000);
      const second = new TimeBudget(10_000);
      await Promise.all([sandbox.request(CALL, first), sandbox.request(CALL, second)]);
      for (const budget of [first, second]) {
        // 200 ms running; charged from the request instead, each would be 600 ms or more (the
        // second also waited about 600 ms behind the first). A loaded machine can read the
        // started line late and the reply on time, which shortens the charge: the bounds leave
        // 100 ms for that on both sides.
        assert.ok(budget.usedMs >= 100 && budget.usedMs < 500, `charged ${budget.usedMs} ms`);
      }
    },
  );
});

Deno.test("Sandbox: a time limit hit during a call is put down to it; the requests queued behind see another's", async () => {
  await withWorker(
    SERVE(`${ANSWER_SETTLE} await say("started " + req.id); for (;;) {}`),
    async (sandbox) => {
      await warm(sandbox);
      const outcomes = await Promise.all([
        sandbox.request(CALL, new TimeBudget(300)).then(() => undefined, (e) => e),
        sandbox.request(CALL, new TimeBudget(300)).then(() => undefined, (e) => e),
      ]);
      assert.deepEqual(outcomes.map((f) => [f.kind, f.during]), [
        ["timeout", "this"],
        ["timeout", "another"],
      ]);
      assert.match(outcomes[0].message, /time limit of 0\.3 s exceeded/);
      const after = await sandbox.request(CALL, new TimeBudget(300)).then(() => {}, (e) => e);
      assert.equal(after.during, "another", "a request after the failure");
    },
  );
});

Deno.test("Sandbox: a process busy before it starts on any request: the failure is put down to none", async () => {
  await withWorker(
    SERVE(`for (;;) {}`),
    async (sandbox) => {
      const failure = await sandbox.request(CALL, new TimeBudget(300)).then(() => {}, (e) => e);
      assert.ok(failure instanceof SandboxFailure);
      assert.equal(failure.during, "none");
      assert.match(failure.message, /did not start on a call for 0\.3 s/);
    },
  );
});

Deno.test("Sandbox: set aside for the exercise running, it gives up the others' requests, now and later", async () => {
  await withWorker(
    SERVE(`${ANSWER_SETTLE} await say("started " + req.id); for (;;) {}`),
    async (sandbox) => {
      await warm(sandbox);
      const budget = new TimeBudget(60_000);
      const kept = { ...CALL, url: "file:///kept.ts" };
      const running = sandbox.request(kept, budget).then(() => undefined, (e) => e);
      const waiting = sandbox.request(CALL, budget).then(() => undefined, (e) => e);
      const alsoKept = sandbox.request(kept, budget).then(() => undefined, (e) => e);
      await untilRunning(sandbox); // the process starts on the first
      sandbox.setAside();
      assert.equal(sandbox.isSetAside, true);
      assert.equal((await waiting).during, "another");
      const later = await sandbox.request(CALL, budget).then(() => undefined, (e) => e);
      assert.equal(later.during, "another", "a later request of another exercise");
      await sandbox.close();
      assert.equal((await running).during, "this", "the kept exercise's running call");
      assert.equal((await alsoKept).during, "another");
    },
  );
});

Deno.test("Sandbox: a line it did not ask for stops the process, put down to the call running", async () => {
  const cases: [string, RegExp, "this" | "none"][] = [
    // A reply to a request that is not running: the next one, an unknown one.
    [
      `await say("started " + req.id); await say(JSON.stringify({ id: req.id + 1, ok: true }));`,
      /not running/,
      "this",
    ],
    [
      `await say("started " + req.id); await say(JSON.stringify({ id: 999, ok: true }));`,
      /not running/,
      "this",
    ],
    // A reply with no call started, a call announced out of turn, a line that is no reply.
    [`await say(JSON.stringify({ id: req.id, ok: true }));`, /not running/, "none"],
    [`await say("started " + (req.id + 1));`, /not asked to run/, "none"],
    [`await say("started " + req.id); await say("{{{");`, /not a reply/, "this"],
  ];
  for (const [serve, message, during] of cases) {
    await withWorker(SERVE(serve), async (sandbox) => {
      const budget = new TimeBudget(20_000);
      const failure = await sandbox.request(CALL, budget).then(() => undefined, (e) => e);
      assert.ok(failure instanceof SandboxFailure, `${serve}: ${failure}`);
      assert.equal(failure.kind, "crash");
      assert.match(failure.message, message);
      assert.equal(failure.during, during, serve);
      assert.equal(sandbox.alive, false);
    });
  }
});

Deno.test("Sandbox: a reply longer than the limit is refused before it is read whole", async () => {
  await withWorker(
    SERVE(`await say("started " + req.id);
      const block = encoder.encode("x".repeat(1 << 20));
      for (let i = 0; i < 40; i++) {
        for (let off = 0; off < block.length;) off += await conn.write(block.subarray(off));
      }`),
    async (sandbox) => {
      const failure = await sandbox.request(CALL, new TimeBudget(20_000)).then(() => {}, (e) => e);
      assert.ok(failure instanceof SandboxFailure);
      assert.match(failure.message, /reply longer than/);
      assert.equal(failure.during, "this");
    },
  );
});

Deno.test("Sandbox: an idle process that keeps computing is stopped", async () => {
  await withWorker(
    SERVE(`await say("started " + req.id);
      await say(JSON.stringify({ id: req.id, output: "", droppedOutput: 0, ok: true }));
      setTimeout(() => { for (;;) {} }, 0);`),
    async (sandbox) => {
      await sandbox.request(CALL, new TimeBudget(20_000));
      const started = performance.now();
      while (sandbox.alive && performance.now() - started < 10_000) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(sandbox.alive, false, "still alive after 10 s of computing while idle");
      const failure = await sandbox.request(CALL, new TimeBudget(1000)).then(() => {}, (e) => e);
      assert.match(failure.message, /kept running with no call pending/);
      assert.equal(failure.during, "none");
    },
  );
});

Deno.test("SANDBOX_MODULES: exactly the modules of grader/sandbox/ that the process loads", async () => {
  const dir = `${KIT_DIR}/grader/sandbox`;
  const graph = async (file: string) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", `${dir}/${file}`],
      cwd: KIT_DIR,
    }).output();
    const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
      modules: { specifier: string }[];
    };
    return info.modules.map((m) => m.specifier)
      .filter((s) => s.startsWith(`file://${dir}/`))
      .map((s) => s.slice(`file://${dir}/`.length));
  };
  // The Worker's module is loaded by URL, not imported by host.ts: its graph is read on its own.
  assert.deepEqual((await graph("worker.ts")).sort(), [...SANDBOX_MODULES].sort());
});
