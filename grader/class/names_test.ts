import assert from "node:assert/strict";
import { fileNames, isSafeName } from "./names.ts";

Deno.test("names: safe names are kept; others are cleaned and get a hash of the original", async () => {
  assert.ok(isSafeName("learner-001"));
  for (
    const bad of ["../x", "a/b", ".hidden", "-rf", "", "CON", "nul.txt", "gradebook", "a b", "é"]
  ) {
    assert.ok(!isSafeName(bad), bad);
  }
  const names = ["learner-001", "../../x", "a/b", "Ada Lovelace", "", "gradebook", "Gradebook"];
  const files = await fileNames(names);
  assert.equal(files[0], "learner-001");
  assert.match(files[1], /^x-[0-9a-f]{8}$/);
  assert.match(files[2], /^a_b-[0-9a-f]{8}$/);
  assert.match(files[3], /^Ada_Lovelace-[0-9a-f]{8}$/);
  assert.match(files[4], /^submission-[0-9a-f]{8}$/);
  assert.match(files[5], /^gradebook-[0-9a-f]{8}$/);
  assert.notEqual(files[5].toLowerCase(), files[6].toLowerCase());
  // The same name gets the same file, whatever else is in the class.
  assert.equal((await fileNames(["Ada Lovelace"]))[0], files[3]);
});

Deno.test("names: names that clean to the same file, or differ in case, get distinct files", async () => {
  const files = await fileNames(["a b", "a_b", "a:b", "A_B"]);
  assert.equal(new Set(files.map((f) => f.toLowerCase())).size, 4);
  assert.equal(files[3], "A_B"); // safe, and first in code-unit order of the safe names
  const long = await fileNames(["y".repeat(500)]);
  assert.ok(long[0].length <= 80);
});
