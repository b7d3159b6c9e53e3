import assert from "node:assert/strict";
import { HostProtocol, leadingId } from "./host.ts";

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
