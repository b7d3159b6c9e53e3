import assert from "node:assert/strict";
import { every } from "./ticker.ts";

const sleep = (ms: number) =>
  new Promise<void>((resolve) =>
    AbortSignal.timeout(ms).addEventListener("abort", () => resolve(), { once: true })
  );

Deno.test("every: ticks repeatedly, and not after it is stopped", async () => {
  let ticks = 0;
  const stop = every(5, () => ticks++);
  await sleep(60);
  stop();
  assert.ok(ticks >= 3, `expected several ticks in 60 ms, got ${ticks}`);
  const atStop = ticks;
  await sleep(30);
  assert.equal(ticks, atStop, "no tick after stop");
});

Deno.test("every: stopped before its first tick, it never ticks", async () => {
  let ticks = 0;
  every(1, () => ticks++)();
  await sleep(20);
  assert.equal(ticks, 0);
});
