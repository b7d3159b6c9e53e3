import assert from "node:assert/strict";
import { UsageError } from "./cli_options.ts";
import {
  CURVES_FILE,
  curvesOutput,
  type OutputPlan,
  parseOut,
  planOutputs,
  writeOutputs,
} from "./outputs.ts";
import { fixtureReport } from "./reporters/_fixture.ts";

function usage(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof UsageError, String(e));
    assert.match(e.message, message);
    return true;
  });
}

async function withFolder(fn: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-outputs-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const listing = (dir: string) => [...Deno.readDirSync(dir)].map((e) => e.name).sort();

Deno.test("parseOut: FORMAT=FILE, a bare FILE for the JSON, human for terminal", () => {
  assert.deepEqual(parseOut("r.json"), { format: "json", path: "r.json" });
  assert.deepEqual(parseOut("junit=out/j.xml"), { format: "junit", path: "out/j.xml" });
  assert.deepEqual(parseOut("human=t.txt"), { format: "terminal", path: "t.txt" });
  assert.deepEqual(parseOut("json=./a=b"), { format: "json", path: "./a=b" });
  assert.deepEqual(parseOut("./a=b"), { format: "json", path: "./a=b" });
  assert.deepEqual(parseOut("Dir/x=1.json"), { format: "json", path: "Dir/x=1.json" });
  usage(() => parseOut("xml=r.xml"), /unknown format "xml".*junit.*--out json=\.\/xml=r\.xml/);
  usage(() => parseOut("junit="), /no file named/);
});

Deno.test("planOutputs: the printed format and the files, checked before grading", async () => {
  await withFolder((dir) => {
    const plan = planOutputs({
      format: "human",
      out: [`${dir}/r.json`, `junit=${dir}/j.xml`, `markdown=${dir}/s.md`],
    }, {});
    assert.deepEqual(plan, {
      print: "terminal",
      files: [
        { format: "json", path: `${dir}/r.json`, kind: "file" },
        { format: "junit", path: `${dir}/j.xml`, kind: "file" },
        { format: "markdown", path: `${dir}/s.md`, kind: "file" },
      ],
    });
    assert.deepEqual(listing(dir), [], "the check leaves nothing behind");
    usage(() => planOutputs({ format: "xml" }, {}), /--format must be one of terminal, json/);
  });
});

Deno.test("planOutputs: a missing folder, a folder as the file, one file twice are usage errors", async () => {
  await withFolder((dir) => {
    Deno.mkdirSync(`${dir}/sub`);
    Deno.symlinkSync(`${dir}/a.json`, `${dir}/link.json`);
    const plan = (out: string[]) => planOutputs({ format: "terminal", out }, {});
    usage(() => plan([`${dir}/no/r.json`]), /--out .*no\/r\.json: no such folder: .*\/no$/);
    usage(() => plan([`junit=${dir}/sub`]), /sub is a folder, not a file/);
    usage(() => plan([`${dir}/a.json`, `json=${dir}/./a.json`]), /write the same file/);
    usage(() => plan([`${dir}/a.json`, `markdown=${dir}/sub/../a.json`]), /write the same file/);
    Deno.writeTextFileSync(`${dir}/a.json`, "");
    usage(() => plan([`${dir}/a.json`, `junit=${dir}/link.json`]), /write the same file/);
    if (Deno.build.os === "linux") {
      usage(() => plan(["/proc/gradkit-report.json"]), /cannot write in \/proc/);
    }
  });
});

Deno.test("planOutputs: $GITHUB_OUTPUT takes the classroom result, $GITHUB_STEP_SUMMARY markdown", async () => {
  await withFolder((dir) => {
    const github = { GITHUB_OUTPUT: `${dir}/output`, GITHUB_STEP_SUMMARY: `${dir}/summary` };
    // Asked for the classroom format: its step output goes to $GITHUB_OUTPUT too.
    assert.deepEqual(planOutputs({ format: "classroom" }, github).files, [
      { format: "classroom", path: `${dir}/output`, kind: "github-output" },
    ]);
    assert.deepEqual(
      planOutputs({ format: "json", out: [`classroom=${dir}/c.json`] }, github).files.map((f) =>
        f.kind
      ),
      ["file", "github-output"],
    );
    assert.deepEqual(planOutputs({ format: "json", out: [] }, github).files, []);
    assert.deepEqual(planOutputs({ format: "classroom" }, {}).files, []);
    // Named explicitly: once.
    const explicit = planOutputs(
      {
        format: "classroom",
        out: [`classroom=${dir}/output`, `markdown=${dir}/summary`],
      },
      github,
    );
    assert.deepEqual(explicit.files.map((f) => f.kind), ["github-output", "step-summary"]);
    usage(
      () => planOutputs({ format: "json", out: [`json=${dir}/output`] }, github),
      /\$GITHUB_OUTPUT takes only the classroom format/,
    );
    usage(
      () => planOutputs({ format: "json", out: [`junit=${dir}/summary`] }, github),
      /\$GITHUB_STEP_SUMMARY takes only the markdown format/,
    );
  });
});

Deno.test("writeOutputs: files written whole, GitHub's files appended to", async () => {
  await withFolder(async (dir) => {
    const github = { GITHUB_OUTPUT: `${dir}/output`, GITHUB_STEP_SUMMARY: `${dir}/summary` };
    await Deno.writeTextFile(`${dir}/output`, "earlier=1\n");
    await Deno.writeTextFile(`${dir}/summary`, "# earlier\n");
    await Deno.writeTextFile(`${dir}/j.xml`, "an old report, longer than nothing");
    const plan = planOutputs({
      format: "terminal",
      out: [`junit=${dir}/j.xml`, `classroom=${dir}/output`, `markdown=${dir}/summary`],
    }, github);
    const report = fixtureReport();
    assert.deepEqual(await writeOutputs(plan, report, { replay: "R" }), []);
    assert.match(await Deno.readTextFile(`${dir}/j.xml`), /^<\?xml[^]*<\/testsuites>\n$/);
    assert.match(await Deno.readTextFile(`${dir}/output`), /^earlier=1\nresult=[A-Za-z0-9+/=]+\n$/);
    const summary = await Deno.readTextFile(`${dir}/summary`);
    assert.ok(summary.startsWith("# earlier\n## gradkit: "), summary.slice(0, 40));
    assert.deepEqual(listing(dir), ["j.xml", "output", "summary"]);
  });
});

Deno.test("writeOutputs: a file that cannot be written is reported, never half-written, no temporary left", async () => {
  await withFolder(async (dir) => {
    Deno.mkdirSync(`${dir}/gone`);
    const plan: OutputPlan = planOutputs({
      format: "terminal",
      out: [`junit=${dir}/gone/j.xml`, `${dir}/r.json`],
    }, {});
    Deno.removeSync(`${dir}/gone`); // after the check, before the writing
    Deno.mkdirSync(`${dir}/r.json`); // and the other target became a folder
    Deno.writeTextFileSync(`${dir}/r.json/keep`, "");
    const failures = await writeOutputs(plan, fixtureReport(), {});
    assert.equal(failures.length, 2);
    assert.match(failures[0], /^could not write junit to .*\/gone\/j\.xml: /);
    assert.match(failures[1], /^could not write json to .*\/r\.json: /);
    assert.deepEqual(listing(dir), ["r.json"]);
    assert.deepEqual(listing(`${dir}/r.json`), ["keep"]);
  });
});

Deno.test("curvesOutput: a learner's terminal gets the curves page, a pipe or another format none", () => {
  const drawn = fixtureReport();
  drawn.exercises[0].tests[0].series = [{ name: "yours", values: [1, 0.5] }];
  const plain = fixtureReport();
  const terminal: OutputPlan = { print: "terminal", files: [] };
  const where = { isTerminal: true, kitDir: "/kit" };
  assert.deepEqual(curvesOutput(terminal, drawn, where), {
    format: "html",
    path: `/kit/${CURVES_FILE}`,
    kind: "file",
  });
  assert.equal(curvesOutput(terminal, plain, where), undefined, "no curves, no page");
  assert.equal(curvesOutput(terminal, drawn, { ...where, isTerminal: false }), undefined);
  assert.equal(curvesOutput({ print: "json", files: [] }, drawn, where), undefined);
  const asked: OutputPlan = {
    print: "terminal",
    files: [{ format: "html", path: "/tmp/c.html", kind: "file" }],
  };
  assert.equal(curvesOutput(asked, drawn, where), undefined, "--out html= given: that one only");
});
