import assert from "node:assert/strict";
import { GradingSession } from "./grade.ts";
import { KIT_DIR, SandboxPool } from "./pool.ts";
import { DEFAULT_LIMITS } from "./sandbox/sandbox.ts";

Deno.test("SandboxPool: fits its own jobs and limits only; close is idempotent and cleans up", async () => {
  const pool = SandboxPool.start({ jobs: 1, limits: { memoryMb: 300 } });
  const limits = { ...DEFAULT_LIMITS, memoryMb: 300 };
  assert.equal(pool.fits(1, limits), true);
  assert.equal(pool.fits(2, limits), false);
  assert.equal(pool.fits(1, DEFAULT_LIMITS), false);
  const [slot] = await pool.take(5);
  const reply = await slot.get().request({ op: "settle" }, performance.now() + 10_000);
  assert.equal(reply.ok, true);
  await Promise.all([pool.close(), pool.close()]);
  assert.equal(pool.fits(1, limits), false);
  assert.equal(slot.get().alive, false, "a closed pool's sandboxes are stopped");
  await assert.rejects(Deno.stat(pool.staging.root), Deno.errors.NotFound);
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
