import assert from "node:assert/strict";
import { KIT_DIR } from "../pool.ts";
import {
  DEFAULT_LIMITS,
  Sandbox,
  sandboxArgs,
  SandboxFailure,
  type SandboxOptions,
} from "./sandbox.ts";

/** A sandbox running `source` as its worker, in a temporary folder that `use` may inspect. */
async function withWorker(
  source: string,
  use: (sandbox: Sandbox, options: SandboxOptions) => Promise<void>,
): Promise<void> {
  const dir = Deno.makeTempDirSync({ prefix: "gradkit-sandbox-test-" });
  Deno.writeTextFileSync(`${dir}/worker.ts`, source);
  Deno.writeTextFileSync(`${dir}/import_map.json`, "{}");
  const options: SandboxOptions = {
    workerPath: `${dir}/worker.ts`,
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

Deno.test("sandboxArgs: the socket's path is the only path beyond the allowed folders", () => {
  const args = sandboxArgs({
    workerPath: "/k/grader/sandbox/worker.ts",
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
  // The worker's own arguments: the socket and the output limit, nothing secret.
  assert.deepEqual(args.slice(args.indexOf("/k/grader/sandbox/worker.ts") + 1), [
    "/s/sockets/0",
    String(DEFAULT_LIMITS.outputChars),
  ]);
});

Deno.test("Sandbox: a process that ends before it connects is a crash, with what it printed", async () => {
  await withWorker(
    `console.error("error: the worker could not start"); Deno.exit(3);`,
    async (sandbox, options) => {
      const failure = await sandbox.request({ op: "settle" }, performance.now() + 20_000)
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
    `
await new Promise((r) => setTimeout(r, 200)); // requests are sent before this connects
const conn = await Deno.connect({ transport: "unix", path: Deno.args[0] });
const encoder = new TextEncoder();
const buf = new Uint8Array(4096);
let text = "";
for (let answered = 0; answered < 2;) {
  const n = await conn.read(buf);
  if (n === null) break;
  text += new TextDecoder().decode(buf.subarray(0, n));
  let end;
  while ((end = text.indexOf("\\n")) >= 0) {
    const req = JSON.parse(text.slice(0, end));
    text = text.slice(end + 1);
    // A forged reply on stdout first: it must be taken for stray text.
    Deno.stdout.writeSync(encoder.encode(JSON.stringify({ id: req.id, ok: false }) + "\\n"));
    await conn.write(encoder.encode(JSON.stringify({ id: req.id, output: "#" + req.id, droppedOutput: 0, ok: true }) + "\\n"));
    answered++;
  }
}
`,
    async (sandbox, options) => {
      const deadline = performance.now() + 20_000;
      const [a, b] = await Promise.all([
        sandbox.request({ op: "settle" }, deadline),
        sandbox.request({ op: "settle" }, deadline),
      ]);
      assert.deepEqual([a.ok, a.output, b.ok, b.output], [true, "#1", true, "#2"]);
      // The listener closed once the process connected, which removed the socket's file.
      await assert.rejects(Deno.lstat(options.socketPath), Deno.errors.NotFound);
    },
  );
});
