/**
 * The README is a learner's first page: its course table lists every exercise of the manifest,
 * in the manifest's order, under the number its file carries; and it stays under 200 lines.
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { MANIFEST } from "./manifest.ts";

const README = Deno.readTextFileSync(`${KIT_DIR}/README.md`);

/** The rows of the README's course table: the number and the exercise id of each. */
function courseRows(readme: string): { number: string; id: string }[] {
  const section = readme.slice(readme.indexOf("## The course"), readme.indexOf("## The loop"));
  return [...section.matchAll(/^\| (\d+) +\| `([a-z0-9_]+)` +\|/gm)]
    .map((m) => ({ number: m[1], id: m[2] }));
}

Deno.test("README: the course table is the manifest's course, in order, with the files' numbers", () => {
  const rows = courseRows(README);
  assert.deepEqual(rows.map((r) => r.id), MANIFEST.map((e) => e.id));
  for (const [k, e] of MANIFEST.entries()) {
    assert.ok(e.file.startsWith(`${rows[k].number}_`), `${e.id}: numbered ${rows[k].number}`);
  }
});

Deno.test("README: under 200 lines, the two quick-start commands first", () => {
  assert.ok(README.split("\n").length <= 200, `${README.split("\n").length} lines`);
  const quick = README.slice(README.indexOf("## Quick start"), README.indexOf("## The course"));
  assert.match(quick, /\.\/deno task grade/);
  assert.match(quick, /\.\/deno task test/);
});
