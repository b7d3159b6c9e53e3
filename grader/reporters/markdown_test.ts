import assert from "node:assert/strict";
import { fixtureReport, SECRET_NONCE } from "./_fixture.ts";
import { markdownCell, renderMarkdown } from "./markdown.ts";

/** The cells of a table row, split as GFM does: on `|` not preceded by a backslash. */
function cells(row: string): string[] {
  assert.ok(row.startsWith("| ") && row.endsWith(" |"), row);
  return row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
}

Deno.test("markdown: a table of exercises with status, tests, points and the first failure", () => {
  const text = renderMarkdown(fixtureReport(), { replay: "./deno task grade --seed 42" });
  const lines = text.split("\n");
  assert.equal(lines[0], "## gradkit: 20.01/50 points, 1/5 exercises passed");
  const header = lines.findIndex((l) => l.startsWith("| exercise |"));
  const rows = lines.slice(header + 2).filter((l) => l.startsWith("| "));
  assert.equal(rows.length, 6);
  const columns = rows.map(cells);
  for (const c of columns) assert.equal(c.length, 5, c.join(" ‖ "));
  assert.deepEqual(columns[0], ["gates", "✅ passed", "3/3", "10/10", ""]);
  assert.deepEqual(columns[1].slice(0, 4), ["mse\\_loss", "❌ failed", "2/3", "6.67/10"]);
  assert.ok(columns[1][4].startsWith("dPred: element \\[0, 1\\] is 2, expected 1 a \\| b<br>"));
  assert.deepEqual(columns[2], ["relu", "⬜ not started", "0/2", "0/10", "not started"]);
  assert.match(columns[3][4], /^05\\_fork\.ts has a syntax error/);
  assert.equal(columns[4][4], "the time limit \\(10 s\\) was hit");

  assert.match(rows[5], /^\| \*\*total\*\* \| \| \| \*\*20\.01\/50\*\* \| 1\/5 exercises passed/);
  assert.match(text, /Graded learner\/exercises with seed 42/);
  assert.match(text, /\n```sh\n\.\/deno task grade --seed 42\n```\n$/);
  assert.match(text, /\nSkipped files:\n\n- link\.ts: a symbolic link a \\\| b<br>/);
});

Deno.test("markdown: learner text cannot break the table or bring markup", () => {
  assert.equal(markdownCell("a | b\n<script>"), "a \\| b<br>\\<script\\>");
  assert.equal(markdownCell("x\r\ny\rz"), "x<br>y<br>z");
  assert.equal(
    markdownCell("*e* _u_ `c` [l](u) ![i](u) &amp; ~s~ $m$ \\"),
    "\\*e\\* \\_u\\_ \\`c\\` \\[l\\]\\(u\\) \\!\\[i\\]\\(u\\) \\&amp; \\~s\\~ \\$m\\$ \\\\",
  );
  assert.equal(
    markdownCell("see https://x.org or www.x.org, a@b.c"),
    "see https\\://x.org or www\\.x.org, a\\@b.c",
  );
  assert.equal(markdownCell("\x1b[2J\x00"), "\\\\x1b\\[2J\\\\x00");
  assert.equal(markdownCell("expected 0.25: got -1"), "expected 0.25: got -1");
  // No line of the rendered report is broken by the fixture's learner text.
  const text = renderMarkdown(fixtureReport());
  for (const line of text.split("\n").filter((l) => l.startsWith("| "))) {
    assert.equal(cells(line).length, 5, line);
    assert.ok(!/(?<!\\)[<>]/.test(line.replaceAll("<br>", "")), line);
  }
});

Deno.test("markdown: a secret run shows its nonce", () => {
  const text = renderMarkdown(fixtureReport("secret"));
  assert.ok(text.includes(`secret inputs \\(GRADER\\_SEED\\), nonce ${SECRET_NONCE}`), text);
});
