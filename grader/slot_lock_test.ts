import assert from "node:assert/strict";
import { SlotLock } from "./slot_lock.ts";

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => open = resolve);
  return { promise, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

Deno.test("SlotLock: shared holders run together; an exclusive one runs alone, before later readers", async () => {
  const lock = new SlotLock();
  const log: string[] = [];
  const a = gate(), b = gate(), w = gate();
  const first = lock.shared(async () => {
    log.push("a in");
    await a.promise;
    log.push("a out");
  });
  const second = lock.shared(async () => {
    log.push("b in");
    await b.promise;
    log.push("b out");
  });
  const writer = lock.exclusive(async () => {
    log.push("w in");
    await w.promise;
    log.push("w out");
  });
  const late = lock.shared(() => {
    log.push("late in");
    return Promise.resolve();
  });
  await tick();
  assert.deepEqual(log, ["a in", "b in"], "two readers at once; the writer and later reader wait");
  a.open();
  await tick();
  assert.deepEqual(log, ["a in", "b in", "a out"], "the writer waits for every reader");
  b.open();
  await tick();
  assert.deepEqual(log.slice(3), ["b out", "w in"], "then runs alone");
  w.open();
  await Promise.all([first, second, writer, late]);
  assert.deepEqual(log.slice(5), ["w out", "late in"], "the later reader after it");
});

Deno.test("SlotLock: a failing holder releases the lock", async () => {
  const lock = new SlotLock();
  await assert.rejects(lock.exclusive(() => Promise.reject(new Error("boom"))), /boom/);
  await assert.rejects(lock.shared(() => Promise.reject(new Error("bang"))), /bang/);
  assert.equal(await lock.exclusive(() => Promise.resolve(7)), 7);
  assert.equal(await lock.shared(() => Promise.resolve(8)), 8);
});
