import assert from "node:assert/strict";
import { MANIFEST, STUBS_DIR } from "../manifest.ts";
import type { Report } from "../report.ts";
import { DEFAULT_LIMITS } from "../sandbox/sandbox.ts";
import { type ClassRunOptions, gradeClass } from "./grade_class.ts";
import type { Gradebook } from "./gradebook.ts";
import { OutputFolder } from "./output.ts";
import { loadMistake } from "../verify.ts";
import { submissionsIn } from "./submissions.ts";

const KIT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** Three exercises of the course: enough to tell verdicts apart, quick to grade. */
const EXERCISES = MANIFEST.filter((e) => ["gates", "relu", "mse_loss"].includes(e.id));
const FILES = EXERCISES.map((e) => e.file);

/** The learner's file of the known mistake mse_loss/forgot_mean (made from its patch). */
const FORGOT_MEAN = (await loadMistake({
  exercise: MANIFEST.find((e) => e.id === "mse_loss")!,
  name: "forgot_mean",
  file: "mistakes/mse_loss/forgot_mean.ts",
})).source;
const solution = (file: string) => Deno.readTextFileSync(`${KIT}/solutions/${file}`);
const stub = (file: string) => Deno.readTextFileSync(`${KIT}/${STUBS_DIR}/${file}`);

const LOOPING_RELU = `import type { Matrix } from "@gradkit/lib";
export function reluForward(x: Matrix): never { for (;;) {} }
export function reluBackward(dout: Matrix, cache: unknown): never { for (;;) {} }
`;

/** A small class: solved, unstarted, broken, looping, a known mistake, a repository. */
function writeClass(dir: string): void {
  const sub = (name: string, files: Record<string, string>, repository = false) => {
    const ex = repository ? `${dir}/${name}/exercises` : `${dir}/${name}`;
    Deno.mkdirSync(ex, { recursive: true });
    if (repository) Deno.writeTextFileSync(`${dir}/${name}/deno.json`, "{}\n");
    for (const [file, text] of Object.entries(files)) Deno.writeTextFileSync(`${ex}/${file}`, text);
  };
  const all = (f: (file: string) => string) => Object.fromEntries(FILES.map((x) => [x, f(x)]));
  sub("ada", all(solution), true);
  sub("brian", all(stub));
  sub("carla", { ...all(solution), "08_mse_loss.ts": "export function mseLoss( {\n" });
  sub("dmitri", { ...all(solution), "04_relu.ts": LOOPING_RELU });
  sub("eve", {
    ...all(solution),
    "08_mse_loss.ts": FORGOT_MEAN,
    "ref.ts": solution("08_mse_loss.ts"),
  }, true);
  sub("fay", { ...all(solution), "03_gates.ts": stub("03_gates.ts") });
}

/** The processes this one started that are still running (read from `/proc`; none elsewhere). */
function childProcesses(): number[] {
  const pids: number[] = [];
  try {
    for (const entry of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(entry.name)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
        const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(ppid) === Deno.pid && state !== "Z") pids.push(Number(entry.name));
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return pids;
}

async function run(classDir: string, outDir: string, extra: Partial<ClassRunOptions> = {}) {
  const out = OutputFolder.open(outDir);
  const result = await gradeClass({
    submissions: await submissionsIn(classDir),
    out,
    seed: { kind: "public", seed: 5 },
    limits: { ...DEFAULT_LIMITS, timeMs: 2500 },
    jobs: 2,
    exercises: EXERCISES,
    ...extra,
  });
  return result;
}

Deno.test("class: a small class → gradebook CSV and JSON, one report per submission", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-test-" });
  try {
    writeClass(`${root}/class`);
    const result = await run(`${root}/class`, `${root}/out`);
    assert.equal(result.graded, 6);
    assert.equal(result.kept, 0);
    const book = JSON.parse(Deno.readTextFileSync(`${root}/out/gradebook.json`)) as Gradebook;
    assert.deepEqual(book.exercises.map((e) => e.id), ["gates", "relu", "mse_loss"]);
    const rows = Object.fromEntries(book.submissions.map((r) => [r.name, r]));
    assert.deepEqual(Object.keys(rows), ["ada", "brian", "carla", "dmitri", "eve", "fay"]);
    assert.deepEqual(rows.ada.points, { gates: 10, relu: 10, mse_loss: 10 });
    assert.equal(rows.ada.total, 30);
    assert.equal(rows.ada.folder, `${root}/class/ada`);
    assert.deepEqual(rows.brian.counts, {
      passed: 0,
      failed: 0,
      notStarted: 3,
      error: 0,
      timeout: 0,
    });
    assert.equal(rows.carla.counts.error, 1);
    assert.equal(rows.carla.points.mse_loss, 0);
    // The loop costs its own exercise, nothing else: its other exercises and the class pass.
    assert.equal(rows.dmitri.counts.timeout, 1);
    assert.deepEqual(rows.dmitri.points, { gates: 10, relu: 0, mse_loss: 10 });
    assert.equal(rows.eve.counts.failed, 1);
    assert.ok(rows.eve.points.mse_loss < 10);
    assert.deepEqual(rows.fay.points, { gates: 0, relu: 10, mse_loss: 10 });
    assert.ok(book.submissions.every((r) => r.state === "graded" && typeof r.seed === "number"));
    assert.equal(book.summary.graded, 6);

    const csv = Deno.readTextFileSync(`${root}/out/gradebook.csv`).split("\r\n");
    assert.equal(
      csv[0],
      "name,report,state,gates,relu,mse_loss,total,max_total,passed,failed,not_started,error," +
        "timeout,problem",
    );
    assert.equal(csv[1], "ada,ada.json,graded,10,10,10,30,30,3,0,0,0,0,");
    assert.equal(csv[2], "brian,brian.json,graded,0,0,0,0,30,0,0,3,0,0,");
    assert.equal(csv[4], "dmitri,dmitri.json,graded,10,0,10,20,30,2,0,0,0,1,");
    assert.equal(csv.length, 8); // header, six rows, and the empty string after the last \r\n

    const report = JSON.parse(Deno.readTextFileSync(`${root}/out/dmitri.json`)) as Report;
    assert.equal(report.schemaVersion, 2);
    assert.equal(report.exercises.find((e) => e.id === "relu")?.status, "timeout");
    assert.equal(report.seed, rows.dmitri.seed);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: a second run keeps what did not change and grades a changed file again", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-test-" });
  try {
    writeClass(`${root}/class`);
    // No looping submission here: this test is about what is graded again.
    await Deno.remove(`${root}/class/dmitri`, { recursive: true });
    await run(`${root}/class`, `${root}/out`);
    const before = Deno.readTextFileSync(`${root}/out/gradebook.csv`);
    const again = await run(`${root}/class`, `${root}/out`);
    assert.deepEqual([again.graded, again.kept], [0, 5]);
    // The sandboxes started before the class was read, unused, are stopped by the end.
    assert.deepEqual(childProcesses(), []);
    assert.equal(Deno.readTextFileSync(`${root}/out/gradebook.csv`), before);

    // Brian does the ReLU: only his submission is graded again, on new inputs.
    const seedBefore = again.rows.find((r) => r.name === "brian")!.seed;
    Deno.writeTextFileSync(`${root}/class/brian/04_relu.ts`, solution("04_relu.ts"));
    const changed = await run(`${root}/class`, `${root}/out`);
    assert.deepEqual([changed.graded, changed.kept], [1, 4]);
    const brian = changed.rows.find((r) => r.name === "brian")!;
    assert.equal(brian.points.relu, 10);
    assert.notEqual(brian.seed, seedBefore);

    // Other limits: every submission is graded again.
    const limits = await run(`${root}/class`, `${root}/out`, {
      limits: { ...DEFAULT_LIMITS, timeMs: 3000 },
    });
    assert.deepEqual([limits.graded, limits.kept], [5, 0]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("class: an exercises folder that is a link is not graded, and says why", async () => {
  const root = await Deno.makeTempDir({ prefix: "gradkit-class-test-" });
  try {
    Deno.mkdirSync(`${root}/class/mallory`, { recursive: true });
    Deno.mkdirSync(`${root}/class/ada`, { recursive: true });
    Deno.symlinkSync(`${KIT}/solutions`, `${root}/class/mallory/exercises`);
    Deno.writeTextFileSync(`${root}/class/ada/04_relu.ts`, solution("04_relu.ts"));
    const result = await run(`${root}/class`, `${root}/out`);
    const mallory = result.rows.find((r) => r.name === "mallory")!;
    assert.equal(mallory.state, "not_graded");
    assert.match(mallory.problem ?? "", /symbolic link/);
    assert.equal(mallory.total, 0);
    assert.equal(result.rows.find((r) => r.name === "ada")!.points.relu, 10);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
