import assert from "node:assert/strict";
import { CoalescingWriter, HostProtocol, leadingId, lineBatches } from "./host.ts";

Deno.test("leadingId: reads the id a line starts with, in a bounded prefix", () => {
  assert.equal(leadingId('{"id":12,"op":"call"}'), 12);
  assert.equal(leadingId('{"id":0,"ok":true}'), 0);
  assert.equal(leadingId('{"op":"call","id":12}'), undefined);
  assert.equal(leadingId('{"id":12}'), undefined);
  assert.equal(leadingId('{"id":,"x":1}'), undefined);
  assert.equal(leadingId('{"id":' + "9".repeat(100_000) + ","), undefined);
});

Deno.test("HostProtocol: lets through a started line for the next request, then its reply", () => {
  const p = new HostProtocol(1000);
  assert.ok(p.toHarness('{"id":1,"op":"load"}'));
  assert.ok(p.toHarness('{"id":2,"op":"call"}'));
  assert.equal(p.fromHarness("started 1"), "started 1");
  assert.equal(p.fromHarness('{"id":1,"ok":true}'), '{"id":1,"ok":true}');
  assert.equal(p.fromHarness("started 2"), "started 2");
  assert.equal(p.fromHarness('{"id":2,"ok":true}'), '{"id":2,"ok":true}');
});

Deno.test("HostProtocol: refuses lines out of turn, too long, split or not lines at all", () => {
  const fresh = () => {
    const p = new HostProtocol(100);
    p.toHarness('{"id":1,"op":"call"}');
    p.toHarness('{"id":2,"op":"call"}');
    return p;
  };
  assert.throws(() => fresh().fromHarness("started 2"), /out of turn/);
  assert.throws(() => fresh().fromHarness('{"id":1,"ok":true}'), /had not started/);
  const started = fresh();
  started.fromHarness("started 1");
  assert.throws(() => started.fromHarness('{"id":2,"ok":true}'), /had not started/);
  assert.throws(() => started.fromHarness("started 2"), /out of turn/);
  assert.throws(() => fresh().fromHarness("x".repeat(101)), /101 characters \(limit 100\)/);
  assert.throws(() => fresh().fromHarness("started 1\nstarted 2"), /line break/);
  assert.throws(() => fresh().fromHarness({ id: 1 }), /other than a line/);
  assert.throws(() => fresh().fromHarness({ fatal: "the harness failed: boom" }), /boom/);
  const answered = fresh();
  answered.fromHarness("started 1");
  answered.fromHarness('{"id":1,"ok":true}');
  assert.throws(() => answered.fromHarness('{"id":1,"ok":true}'), /had not started/);
});

Deno.test("lineBatches: the complete lines of each read, in one batch, a split line joined", async () => {
  const reads = ['{"id":1}\n{"id":2}\n{"i', 'd":3', "}\n", "\n", '{"id":4}\n'];
  const read = (into: Uint8Array) => {
    const next = reads.shift();
    if (next === undefined) return Promise.resolve(null);
    const bytes = new TextEncoder().encode(next);
    into.set(bytes);
    return Promise.resolve(bytes.length);
  };
  const batches: string[][] = [];
  for await (const batch of lineBatches(read)) batches.push(batch);
  assert.deepEqual(batches, [['{"id":1}', '{"id":2}'], ['{"id":3}'], [""], ['{"id":4}']]);
});

Deno.test("CoalescingWriter: writes in order, what waits behind a write goes out in one", async () => {
  const writes: string[] = [];
  let release: (() => void) | undefined;
  const writer = new CoalescingWriter(async (bytes) => {
    writes.push(new TextDecoder().decode(bytes));
    if (writes.length === 1) await new Promise<void>((r) => release = r);
    return Math.min(bytes.length, 3); // a short write: the rest follows
  }, () => assert.fail("no error expected"));
  const bytes = (s: string) => new TextEncoder().encode(s);
  writer.push(bytes("ab\n"));
  writer.push(bytes("cd\n"));
  writer.push(bytes("ef\n"));
  await new Promise((r) => setTimeout(r, 0));
  release!();
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(writes, ["ab\n", "cd\nef\n", "ef\n"]);
  let failed = false;
  const broken = new CoalescingWriter(
    () => Promise.reject(new Error("closed")),
    () => failed = true,
  );
  broken.push(bytes("x\n"));
  await new Promise((r) => setTimeout(r, 0));
  assert.ok(failed);
});
