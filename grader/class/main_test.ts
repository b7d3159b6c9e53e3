import assert from "node:assert/strict";
import { UsageError } from "../cli_options.ts";
import { MANIFEST } from "../manifest.ts";
import { DEFAULT_LIMITS } from "../sandbox/sandbox.ts";
import { generateClass } from "./generate.ts";
import { gradeClass } from "./grade_class.ts";
import { classSeed, main } from "./main.ts";
import { OutputFolder } from "./output.ts";
import { submissionsInRoster } from "./submissions.ts";

const KIT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** Starts `deno task class`'s module as the task runs it (stderr piped: one line per submission). */
function spawnClass(args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", `${KIT}/grader/class/main.ts`, ...args],
    cwd: KIT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
}

/** The names a run's stderr says it graded (`[k/n] name: …` lines). */
function gradedNames(stderr: string): string[] {
  return [...stderr.matchAll(/^\[\s*\d+\/\d+\] ([^:]+):/gm)].map((m) => m[1]).sort();
}

/** A report without its timings. */
function untimed(text: string): unknown {
  return JSON.parse(text, (key, value) => key === "durationMs" ? undefined : value);
}

Deno.test("class: killed halfway (SIGKILL) and run again → the uninterrupted run's gradebook", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-kill-" });
  try {
    const subs = await generateClass(`${root}/class`, { count: 6, seed: 4 });
    const args = (out: string) => [`${root}/class`, "--out", out, "--seed", "9", "--jobs", "1"];

    // Killed once two reports are written.
    const child = spawnClass(args(`${root}/out`));
    let seen = "";
    const decoder = new TextDecoder();
    for await (const chunk of child.stderr) {
      seen += decoder.decode(chunk, { stream: true });
      if (gradedNames(seen).length >= 2) break;
    }
    child.kill("SIGKILL");
    await child.status;
    await child.stdout.cancel();
    const keys = [...Deno.readDirSync(`${root}/out/.gradkit`)]
      .filter((e) => e.name.endsWith(".key")).map((e) => e.name.slice(0, -4)).sort();
    assert.ok(
      keys.length >= 2 && keys.length < subs.length,
      `${keys.length} graded before the kill`,
    );
    // The partial gradebook is whole, and lists the rest as pending.
    const partial = JSON.parse(Deno.readTextFileSync(`${root}/out/gradebook.json`));
    assert.equal(partial.submissions.length, subs.length);

    // Run again: only the missing ones are graded.
    const resumed = await spawnClass(args(`${root}/out`)).output();
    assert.equal(resumed.code, 0, decoder.decode(resumed.stderr));
    const missing = subs.map((s) => s.name).filter((n) => !keys.includes(n));
    assert.deepEqual(gradedNames(decoder.decode(resumed.stderr)), missing);
    assert.match(decoder.decode(resumed.stdout), new RegExp(`${keys.length} kept`));

    // An uninterrupted run with the same seed writes the same gradebook, byte for byte.
    const whole = await spawnClass(args(`${root}/whole`)).output();
    assert.equal(whole.code, 0, decoder.decode(whole.stderr));
    for (const file of ["gradebook.csv", "gradebook.json"]) {
      assert.equal(
        Deno.readTextFileSync(`${root}/out/${file}`),
        Deno.readTextFileSync(`${root}/whole/${file}`),
        file,
      );
    }
    for (const { name } of subs) {
      assert.deepEqual(
        untimed(Deno.readTextFileSync(`${root}/out/${name}.json`)),
        untimed(Deno.readTextFileSync(`${root}/whole/${name}.json`)),
        name,
      );
    }
    assert.deepEqual(
      [...Deno.readDirSync(`${root}/out/.gradkit`)].filter((e) => e.name.startsWith("tmp-")),
      [],
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: a roster's unsafe names become files inside the output folder, none shared", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-roster-" });
  try {
    const relu = Deno.readTextFileSync(`${KIT}/solutions/04_relu.ts`);
    const names = [
      "../../escape",
      "Doe, Jane",
      "ada",
      "ADA",
      "gradebook",
      "CON",
      ".gradkit",
      "-rf",
      "a/b",
      "x".repeat(300),
      '=HYPERLINK("http://example.com")',
    ];
    Deno.mkdirSync(`${root}/repos`);
    const lines = ["email,name,path"];
    names.forEach((name, i) => {
      Deno.mkdirSync(`${root}/repos/${i}/exercises`, { recursive: true });
      Deno.writeTextFileSync(`${root}/repos/${i}/exercises/04_relu.ts`, relu);
      lines.push(`x${i}@example.com,"${name.replaceAll('"', '""')}",repos/${i}`);
    });
    Deno.writeTextFileSync(`${root}/roster.csv`, lines.join("\r\n") + "\r\n");
    const submissions = await submissionsInRoster(`${root}/roster.csv`);
    assert.deepEqual(submissions.map((s) => s.name).sort(), [...names].sort());
    const files = submissions.map((s) => s.file);
    assert.equal(new Set(files.map((f) => f.toLowerCase())).size, names.length);
    for (const f of files) assert.match(f, /^[A-Za-z0-9_][A-Za-z0-9._-]{0,79}$/);
    // Two names that differ only in case: the first in code-unit order keeps its name.
    assert.equal(submissions.find((s) => s.name === "ADA")?.file, "ADA");
    assert.match(submissions.find((s) => s.name === "ada")?.file ?? "", /^ada-[0-9a-f]{16}$/);
    assert.notEqual(submissions.find((s) => s.name === "gradebook")?.file, "gradebook");

    const out = OutputFolder.open(`${root}/out`);
    const result = await gradeClass({
      submissions,
      out,
      seed: { kind: "public", seed: 1 },
      limits: DEFAULT_LIMITS,
      jobs: 2,
      exercises: MANIFEST.filter((e) => e.id === "relu"),
    });
    assert.ok(result.rows.every((r) => r.state === "graded" && r.total === 10));
    const written = [...Deno.readDirSync(`${root}/out`)].map((e) => e.name).sort();
    assert.deepEqual(
      written,
      [".gradkit", "gradebook.csv", "gradebook.json", ...files.map((f) => `${f}.json`)].sort(),
    );
    assert.deepEqual([...Deno.readDirSync(root)].map((e) => e.name).sort(), [
      "out",
      "repos",
      "roster.csv",
    ]);
    const csv = Deno.readTextFileSync(`${root}/out/gradebook.csv`);
    assert.match(csv, /^"Doe, Jane",/m);
    assert.match(csv, /^"'=HYPERLINK\(""http:\/\/example.com""\)",/m);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: a roster without a name or path column, or naming one twice, is a usage error", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-roster-" });
  try {
    const roster = (text: string) => {
      Deno.writeTextFileSync(`${root}/r.csv`, text);
      return submissionsInRoster(`${root}/r.csv`);
    };
    await assert.rejects(roster("name,folder\nada,x\n"), UsageError);
    await assert.rejects(
      roster("name,path\nada,x\nada,y\n"),
      /names "ada" twice \(lines 2 and 3\)/,
    );
    await assert.rejects(roster("name,path\nada,\n"), /line 2: expected a name and a path/);
    assert.deepEqual(
      (await roster('\ufeffName,Path\n\n"a\nb",/abs\n')).map((s) => [s.name, s.folder]),
      [["a\nb", "/abs"]],
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: the class's seed is stored, reused, and never the secret", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-seed-" });
  try {
    const out = OutputFolder.open(`${root}/public`);
    const first = classSeed(out, {}, undefined);
    assert.equal(first.kind, "public");
    assert.deepEqual(classSeed(out, {}, undefined), first);
    assert.throws(() => classSeed(out, { seed: "12" }, undefined), /other inputs/);
    const secret = "ab".repeat(16);
    assert.throws(() => classSeed(out, {}, secret), /GRADER_SEED is set/);

    const hidden = OutputFolder.open(`${root}/secret`);
    const s = classSeed(hidden, {}, secret);
    assert.equal(s.kind, "secret");
    const stored = Deno.readTextFileSync(`${root}/secret/.gradkit/run.json`);
    assert.ok(!stored.includes(secret) && !stored.includes("abab"));
    assert.deepEqual(JSON.parse(stored).inputs, "secret");
    assert.equal(classSeed(hidden, {}, secret).kind, "secret");
    assert.equal(
      (classSeed(hidden, {}, secret) as { nonce: string }).nonce,
      JSON.parse(stored).nonce,
    );
    assert.throws(() => classSeed(hidden, {}, undefined), /GRADER_SEED/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: usage errors exit 2 before grading anything", async () => {
  const quiet = console.error;
  console.error = () => {};
  try {
    assert.equal(await main(["some/folder"]), 2); // no --out
    assert.equal(await main(["--out", "/tmp/x"]), 2); // no folder
    assert.equal(await main(["a", "--roster", "r.csv", "--out", "/tmp/x"]), 2);
    assert.equal(await main(["a", "--out", "/tmp/x", "--bogus"]), 2);
    assert.equal(await main(["/nonexistent/class", "--out", "/tmp/x", "--jobs", "0"]), 2);
    assert.equal(await main(["/nonexistent/class", "--out", "/tmp/x"]), 2);
  } finally {
    console.error = quiet;
  }
});

Deno.test("class: an output folder inside the class folder is not graded as a submission", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-out-" });
  const quiet = [console.log, console.error];
  console.log = console.error = () => {};
  try {
    await generateClass(`${root}/class`, { count: 1, seed: 2 });
    assert.equal(await main([`${root}/class`, "--out", `${root}/class/grades`, "--seed", "3"]), 0);
    const book = JSON.parse(Deno.readTextFileSync(`${root}/class/grades/gradebook.json`));
    assert.deepEqual(book.submissions.map((r: { name: string }) => r.name), ["learner-001"]);
    assert.equal(book.seed, 3);
  } finally {
    [console.log, console.error] = quiet;
    await Deno.remove(root, { recursive: true });
  }
});
