import assert from "node:assert/strict";
import { readYaml, YamlError } from "./_yaml.ts";

Deno.test("yaml reader: the forms the workflow uses", () => {
  const doc = [
    "# a comment",
    "name: gradkit # trailing comment",
    "on:",
    "  push:",
    "jobs:",
    "  grade:",
    "    if: github.actor != 'x[bot]'",
    "    env:",
    "      A: 'it''s'",
    '      B: "a \\"b\\" \\\\ c"',
    "      C: ${{ secrets.C || github.token }}",
    "    steps:",
    "      - name: one",
    "        uses: o/r@0123 # v1",
    "        with:",
    "          path: p",
    "      - run: |",
    "          echo a",
    "",
    "            indented # not a comment",
    "        # a comment after the block",
    "      - run: |-",
    "          last",
    "    list:",
    "    - x",
    "    - 'y'",
  ].join("\n");
  assert.deepEqual(readYaml(doc), {
    name: "gradkit",
    on: { push: null },
    jobs: {
      grade: {
        if: "github.actor != 'x[bot]'",
        env: { A: "it's", B: 'a "b" \\ c', C: "${{ secrets.C || github.token }}" },
        steps: [
          { name: "one", uses: "o/r@0123", with: { path: "p" } },
          { run: "echo a\n\n  indented # not a comment\n" },
          { run: "last" },
        ],
        list: ["x", "y"],
      },
    },
  });
});

Deno.test("yaml reader: refuses what it does not read, naming the line", () => {
  for (
    const [doc, line] of [
      ["a: [1, 2]", 1],
      ["a: &x b", 1],
      ["a:\n  b: >\n    c", 2],
      ["a: b\n  c: d", 2],
      ["a: b\na: c", 2],
      ["a: b: c", 1],
      ['a: "b', 1],
      ["a: !!str b", 1],
    ] as const
  ) {
    assert.throws(() => readYaml(doc), (e: Error) => {
      return e instanceof YamlError && e.message.startsWith(`line ${line}:`);
    }, doc);
  }
});
