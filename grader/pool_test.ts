import assert from "node:assert/strict";
import { GradingSession } from "./grade.ts";
import { KIT_DIR, SandboxPool, trimSandboxCache } from "./pool.ts";
import { DEFAULT_LIMITS, TimeBudget } from "./sandbox/sandbox.ts";
import { copySubmission } from "./staging.ts";

Deno.test("SandboxPool: fits its own jobs and limits only; close is idempotent and cleans up", async () => {
  const pool = SandboxPool.start({ jobs: 1, limits: { memoryMb: 300 } });
  const limits = { ...DEFAULT_LIMITS, memoryMb: 300 };
  assert.equal(pool.fits(1, limits), true);
  assert.equal(pool.fits(2, limits), false);
  assert.equal(pool.fits(1, DEFAULT_LIMITS), false);
  const [slot] = await pool.take(5);
  const reply = await slot.get().request(
    { op: "settle", url: "file:///x.ts" },
    new TimeBudget(10_000),
  );
  assert.equal(reply.ok, true);
  await Promise.all([pool.close(), pool.close()]);
  assert.equal(pool.fits(1, limits), false);
  assert.equal(slot.get().alive, false, "a closed pool's sandboxes are stopped");
  await assert.rejects(Deno.stat(pool.staging.snapshotsDir), Deno.errors.NotFound);
  // Its reusable staging folder is free again for the next grading.
  assert.ok(pool.staging.lock, "the pool stages in a reusable folder");
  const lock = Deno.openSync(`${pool.staging.root}.lock`, { write: true });
  try {
    assert.equal(lock.tryLockSync(true), true, "the folder's lock was released");
  } finally {
    lock.close();
  }
});

Deno.test("GradingSession takes over a pool that fits and closes one that does not", async () => {
  const fitting = SandboxPool.start({ jobs: 1 });
  const session = await GradingSession.open({
    dir: `${KIT_DIR}/solutions`,
    jobs: 1,
    pool: fitting,
  });
  try {
    const report = await session.grade({ seed: 3, ids: ["gates"] });
    assert.equal(report.summary.passed, 1);
    assert.equal(fitting.fits(1, DEFAULT_LIMITS), true, "still in use");
  } finally {
    await session.close();
  }
  assert.equal(fitting.fits(1, DEFAULT_LIMITS), false, "closed with the session");

  const other = SandboxPool.start({ jobs: 2 });
  const second = await GradingSession.open({ dir: `${KIT_DIR}/solutions`, jobs: 1, pool: other });
  try {
    assert.equal(other.fits(2, DEFAULT_LIMITS), false, "a pool that does not fit is closed");
    assert.equal((await second.grade({ seed: 3, ids: ["gates"] })).summary.passed, 1);
  } finally {
    await second.close();
  }
  await assert.rejects(
    GradingSession.open({ dir: "/no/such/folder", pool: SandboxPool.start({ jobs: 1 }) }),
    /no such folder/,
  );
});

Deno.test("trimSandboxCache drops each growing cache database once it passes the cap", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const analysis = `${dir}/dep_analysis_cache_v2`;
    const code = `${dir}/v8_code_cache_v2`;
    await Deno.writeFile(analysis, new Uint8Array(600));
    await Deno.writeFile(`${analysis}-wal`, new Uint8Array(300));
    await Deno.writeFile(code, new Uint8Array(5000));
    await Deno.writeFile(`${dir}/node_analysis_cache_v2`, new Uint8Array(5000));
    trimSandboxCache(dir, 1000);
    assert.ok((await Deno.stat(analysis)).isFile, "under the cap: kept");
    await assert.rejects(Deno.stat(code), Deno.errors.NotFound, "over the cap: removed");
    await Deno.writeFile(`${analysis}-shm`, new Uint8Array(200));
    trimSandboxCache(dir, 1000);
    for (const f of [analysis, `${analysis}-wal`, `${analysis}-shm`]) {
      await assert.rejects(Deno.stat(f), Deno.errors.NotFound);
    }
    assert.ok((await Deno.stat(`${dir}/node_analysis_cache_v2`)).isFile, "other files are kept");
    trimSandboxCache(`${dir}/missing`, 1000); // nothing there: nothing to do
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("SandboxPool: Deno's transpiled files are kept for the first snapshot only", async () => {
  const pool = SandboxPool.start({ jobs: 1 });
  const [slot] = await pool.take(1);
  const transpiled = `${KIT_DIR}/.cache/sandbox-deno/gen/file${pool.staging.snapshotsDir}`;
  try {
    // Two snapshots, as watch mode takes after a save, each loaded by the sandbox.
    for (let k = 0; k < 2; k++) {
      const { exercisesDir } = copySubmission(pool.staging, `${KIT_DIR}/solutions`);
      const reply = await slot.get().request(
        { op: "load", url: `file://${exercisesDir}/03_gates.ts` },
        new TimeBudget(10_000),
      );
      assert.equal(reply.ok, true);
    }
    assert.ok(Deno.statSync(`${transpiled}/2`).isDirectory, "the second snapshot was transpiled");
  } finally {
    await pool.close();
  }
  assert.ok(Deno.statSync(`${transpiled}/1`).isDirectory, "kept for the next run");
  assert.throws(() => Deno.statSync(`${transpiled}/2`), Deno.errors.NotFound);
});

Deno.test("SandboxPool.abandon: the sandboxes end with the grader's process, the snapshot waits for the next run", async () => {
  // A grader process that abandons its pool and exits, as the command line does.
  const script = `
    import { SandboxPool } from ${JSON.stringify(`${KIT_DIR}/grader/pool.ts`)};
    import { copySubmission } from ${JSON.stringify(`${KIT_DIR}/grader/staging.ts`)};
    import { TimeBudget } from ${JSON.stringify(`${KIT_DIR}/grader/sandbox/sandbox.ts`)};
    const pool = SandboxPool.start({ jobs: 2 });
    const snapshot = copySubmission(pool.staging, ${JSON.stringify(`${KIT_DIR}/solutions`)});
    const slots = await pool.take(2);
    const url = "file://" + snapshot.exercisesDir + "/03_gates.ts";
    await Promise.all(slots.map((s) => s.get().request({ op: "load", url }, new TimeBudget(20000))));
    console.log(JSON.stringify({ pids: slots.map((s) => s.get().pid), snapshot: snapshot.exercisesDir }));
    pool.abandon();
    Deno.exit(0);
  `;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--no-config", script],
    cwd: KIT_DIR,
    stderr: "inherit",
  }).output();
  assert.equal(out.code, 0);
  const { pids, snapshot } = JSON.parse(new TextDecoder().decode(out.stdout));
  const alive = (pid: number) => {
    try {
      return !/^State:\s+Z/m.test(Deno.readTextFileSync(`/proc/${pid}/status`));
    } catch {
      return false;
    }
  };
  for (let waited = 0; pids.some(alive) && waited < 10_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(pids.filter(alive), [], "every sandbox ended when its socket closed");
  assert.ok(Deno.statSync(snapshot).isDirectory, "the snapshot stays for the next run to clear");
  // The next pool takes the same folder (the first free one) and clears it.
  const next = SandboxPool.start({ jobs: 1 });
  try {
    assert.ok(snapshot.startsWith(`${next.staging.root}/`), `${snapshot} in ${next.staging.root}`);
    await next.staging.cleared;
    assert.equal(await Deno.stat(snapshot).catch(() => null), null);
  } finally {
    await next.close();
  }
});

Deno.test("the sandbox's settle clears the timers of that exercise only (others are still running)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-timers-test-" });
  await Deno.writeTextFile(
    `${dir}/a.ts`,
    'export function start() { setTimeout(() => console.log("a\'s timer"), 150); return 1; }\n',
  );
  await Deno.writeTextFile(
    `${dir}/b.ts`,
    'export function start() { setTimeout(() => console.log("b\'s timer"), 150); return 2; }\n',
  );
  const pool = SandboxPool.start({ jobs: 1 });
  try {
    const snapshot = copySubmission(pool.staging, dir);
    const [slot] = await pool.take(1);
    const sandbox = slot.get();
    const budget = new TimeBudget(10_000);
    const [a, b] = ["a", "b"].map((n) => `file://${snapshot.exercisesDir}/${n}.ts`);
    for (const url of [a, b]) {
      assert.equal((await sandbox.request({ op: "load", url }, budget)).ok, true);
      await sandbox.request({ op: "call", url, name: "start", args: [] }, budget);
    }
    // b ends at once: its timer goes; a's must not.
    const endB = await sandbox.request({ op: "settle", url: b }, budget);
    assert.equal(endB.output, "");
    await new Promise((r) => setTimeout(r, 300));
    const endA = await sandbox.request({ op: "settle", url: a }, budget);
    assert.equal(endA.output, "a's timer\n");
  } finally {
    await pool.close();
    await Deno.remove(dir, { recursive: true });
  }
});
