/**
 * No process of a grading run outlives it: however the run ends (it finishes, or the grader is
 * killed with SIGTERM or SIGKILL) and whatever the submission does (loops in a call, an `unload`
 * listener that never returns, a timer left running), every sandbox process is gone within a
 * second.
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./pool.ts";

/** The processes whose parent is `pid` (read from /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry.name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Whether process `pid` still exists and is not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits up to `ms` for every process of `pids` to be gone; returns those still alive. */
async function survivors(pids: number[], ms: number): Promise<number[]> {
  const until = performance.now() + ms;
  let left = pids.filter(alive);
  while (left.length > 0 && performance.now() < until) {
    await sleep(25);
    left = left.filter(alive);
  }
  return left;
}

/**
 * A submission whose `mse_loss` loops forever in its call, holds the process from an `unload`
 * listener and leaves a busy timer, and whose `relu` passes no test but returns at once.
 */
function hostileSubmission(): string {
  const dir = Deno.makeTempDirSync({ prefix: "gradkit-lifetime-" });
  Deno.writeTextFileSync(
    `${dir}/08_mse_loss.ts`,
    `addEventListener("unload", () => { for (;;) {} });
globalThis.addEventListener("beforeunload", (e) => e.preventDefault());
setInterval(() => { for (let i = 0; i < 1e7; i++); }, 0);
export function mseLoss() { for (;;) {} }
`,
  );
  Deno.writeTextFileSync(
    `${dir}/04_relu.ts`,
    `addEventListener("unload", () => { for (;;) {} });
export function reluForward() { return 1; }
export function reluBackward() { return 1; }
`,
  );
  return dir;
}

function startGrader(dir: string, ids: string[], extra: string[] = []): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${KIT_DIR}/grader/main.ts`, ...ids, "--dir", dir, ...extra],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "null",
  }).spawn();
}

/** Collects the grader's children until it has one running `host.ts` for `ms` (or it exits). */
async function sandboxesOf(grader: Deno.ChildProcess, ms: number): Promise<number[]> {
  const seen = new Set<number>();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (const pid of childrenOf(grader.pid)) seen.add(pid);
    await sleep(20);
  }
  return [...seen];
}

for (const signal of ["SIGKILL", "SIGTERM"] as const) {
  Deno.test(`lifetime: a grader killed with ${signal} during a looping call leaves no sandbox`, async () => {
    const dir = hostileSubmission();
    try {
      const grader = startGrader(dir, ["mse_loss"], ["--time-limit", "60"]);
      // By then the sandbox has started and the call loops.
      const pids = await sandboxesOf(grader, 1500);
      assert.ok(pids.length > 0, "the grader started no sandbox");
      assert.ok(pids.some(alive), "the sandbox should still be running the loop");
      grader.kill(signal);
      await grader.status;
      assert.deepEqual(await survivors(pids, 1000), [], `alive a second after ${signal}`);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  });
}

Deno.test("lifetime: a run that ends leaves no sandbox, idle or busy, whatever the code left", async () => {
  const dir = hostileSubmission();
  try {
    const grader = startGrader(dir, ["relu", "mse_loss"], ["--time-limit", "1"]);
    const pids = new Set<number>();
    let done = false;
    const status = grader.status.then((s) => {
      done = true;
      return s;
    });
    while (!done) {
      for (const pid of childrenOf(grader.pid)) pids.add(pid);
      await sleep(10);
    }
    assert.equal((await status).code, 1);
    assert.ok(pids.size > 0, "the grader started no sandbox");
    assert.deepEqual(await survivors([...pids], 1000), [], "alive a second after the run");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
