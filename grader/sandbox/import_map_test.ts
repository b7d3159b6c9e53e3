import assert from "node:assert/strict";
import { builtinModules } from "node:module";
import { NODE_BUILTINS, refusedNodeModule, sandboxImportMap } from "./import_map.ts";

Deno.test("import map: every Node.js built-in module Deno knows is refused", () => {
  const known = builtinModules.map((m) => m.replace(/^node:/, "")).sort();
  assert.deepEqual([...NODE_BUILTINS].sort(), known);
  const map = JSON.parse(sandboxImportMap("file:///k/lib/")).imports;
  assert.equal(map["@gradkit/lib"], "file:///k/lib/mod.ts");
  for (const name of known) {
    assert.equal(refusedNodeModule(`Module not found "${map[`node:${name}`]}".`), `node:${name}`);
  }
});

Deno.test("refusedNodeModule: only messages about a refused module; names cut at 64 characters", () => {
  assert.equal(refusedNodeModule('Module not found "file:///k/x.ts"'), undefined);
  assert.equal(refusedNodeModule("/".repeat(1000)), undefined);
  const long = `file:///node-modules-are-not-allowed-in-an-exercise/${"a".repeat(1000)}`;
  assert.equal(refusedNodeModule(long), `node:${"a".repeat(64)}`);
});
