import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { MANIFEST, STUBS_DIR } from "./manifest.ts";
import type { Report } from "./report.ts";
import { gradeMistakes, listMistakes } from "./verify.ts";

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${KIT_DIR}/grader/main.ts`, ...args],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1", ...env },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("cli: usage errors exit 2 with a message that says what to do", async () => {
  const unknown = await cli(["no_such_exercise"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown exercise "no_such_exercise"; known: numerical_gradient/);
  const dir = await cli(["--dir", "/no/such/folder"]);
  assert.equal(dir.code, 2);
  assert.match(dir.stderr, /no such folder: \/no\/such\/folder/);
  const seed = await cli(["--seed", "abc"]);
  assert.equal(seed.code, 2);
  assert.match(seed.stderr, /--seed must be a whole number/);
  const envSeed = await cli([], { GRADER_SEED: "-1" });
  assert.equal(envSeed.code, 2);
  assert.match(envSeed.stderr, /GRADER_SEED must be a whole number/);
  const format = await cli(["--format", "xml"]);
  assert.equal(format.code, 2);
  const option = await cli(["--frobnicate"]);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /Usage: deno task grade/);
});

Deno.test("cli: --list shows the course in order; --help exits 0", async () => {
  const list = await cli(["--list"]);
  assert.equal(list.code, 0);
  const ids = list.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]);
  assert.deepEqual(ids, MANIFEST.map((e) => e.id));
  assert.equal((await cli(["--help"])).code, 0);
});

Deno.test("cli: grading solutions exits 0; JSON to stdout and --out are the same report", async () => {
  const out = await Deno.makeTempFile({ suffix: ".json" });
  try {
    const r = await cli([
      "mse_loss",
      "gates",
      "--dir",
      "solutions",
      "--seed",
      "5",
      "--format",
      "json",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as Report;
    const written = JSON.parse(await Deno.readTextFile(out)) as Report;
    assert.deepEqual(printed, written);
    assert.equal(printed.schemaVersion, 1);
    assert.equal(printed.seed, 5);
    assert.deepEqual(printed.exercises.map((e) => [e.id, e.status]), [["gates", "passed"], [
      "mse_loss",
      "passed",
    ]]);
  } finally {
    await Deno.remove(out);
  }
});

Deno.test("cli: the stubs exit 1, print the seed and a replay command; GRADER_SEED sets the seed", async () => {
  const r = await cli(["relu"], { GRADER_SEED: "77" });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /grading exercises with seed 77/);
  assert.match(r.stdout, /not started relu/);
  assert.match(r.stdout, /replay exactly: deno task grade relu --seed 77/);
});

Deno.test("the same seed gives the same hidden inputs, a different seed different ones", async () => {
  const mistakes = (await listMistakes(MANIFEST)).filter((m) => m.exercise.id === "mse_loss");
  const messages = (r: Report) => r.exercises.flatMap((e) => e.tests.map((t) => t.message ?? ""));
  const a = messages(await gradeMistakes(mistakes, 9));
  const b = messages(await gradeMistakes(mistakes, 9));
  const c = messages(await gradeMistakes(mistakes, 10));
  assert.ok(a.some((m) => /expected/.test(m)), "the mistakes fail with values in the message");
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("cli: without --allow-all the grader refuses to run without its memory cap", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-run",
      "--allow-env",
      "grader/main.ts",
      "relu",
    ],
    cwd: KIT_DIR,
    env: { NO_COLOR: "1" },
  }).output();
  assert.equal(out.code, 2);
  assert.match(
    new TextDecoder().decode(out.stderr),
    /needs --allow-all: Deno reads \/proc\/PID\/status/,
  );
});

Deno.test("cli: --watch re-grades a saved exercise with warm sandboxes and stops on Ctrl-C", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-watch-test-" });
  const file = `${dir}/07_mse_loss.ts`;
  await Deno.copyFile(`${KIT_DIR}/${STUBS_DIR}/07_mse_loss.ts`, file);
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      `${KIT_DIR}/grader/main.ts`,
      "--watch",
      "mse_loss",
      "--dir",
      dir,
      "--seed",
      "3",
    ],
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  // Fails (rather than hangs) when the expected output does not come within 30 s.
  const waitFor = async (pattern: RegExp) => {
    const giveUp = Date.now() + 30_000;
    while (!pattern.test(text)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no ${pattern} within 30 s; output so far:\n${text}`)),
          Math.max(0, giveUp - Date.now()),
        );
      });
      try {
        const { value, done } = await Promise.race([reader.read(), late]);
        if (done) throw new Error(`output ended before ${pattern}:\n${text}`);
        text += value;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  try {
    await waitFor(/watching .* for changes/);
    assert.match(text, /not started mse_loss/);
    await Deno.copyFile(`${KIT_DIR}/solutions/07_mse_loss.ts`, file);
    await waitFor(/passed {6}mse_loss/);
    assert.match(text, /saved 07_mse_loss\.ts; re-graded 1 exercise/);
    child.kill("SIGINT");
    const status = await child.status;
    assert.equal(status.code, 0);
  } finally {
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    await child.stderr.cancel();
    try {
      child.kill("SIGKILL");
    } catch {
      // already ended
    }
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the grade task runs the grader with the V8 flags measured for it", async () => {
  // GC on the main thread; Maglev as top tier (the grader's code runs for milliseconds per test,
  // and TurboFan's compiles cost more than they save there); every function compiled when its
  // module loads, so that Deno's code cache holds them all (see the README's performance
  // section). The bench times this very command.
  const config = JSON.parse(await Deno.readTextFile(`${KIT_DIR}/deno.json`));
  assert.equal(
    config.tasks.grade,
    "deno run --allow-all --v8-flags=--single-threaded-gc,--max-opt=2,--no-lazy grader/main.ts",
  );
});
