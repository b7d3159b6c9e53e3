import assert from "node:assert/strict";
import {
  copySubmission,
  createStaging,
  isKitAnswerFolder,
  leaveStaging,
  MAX_FILE_BYTES,
  MAX_SKIPPED_LISTED,
  MAX_SOCKETS_DIR_BYTES,
  type RaceHook,
  removeSnapshot,
  removeStaging,
  REUSABLE_STAGINGS,
  type Snapshot,
  StagingTampered,
} from "./staging.ts";

async function submission(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-staging-test-" });
  await Deno.writeTextFile(`${dir}/01_a.ts`, "export const a = 1;\n");
  await Deno.writeTextFile(`${dir}/notes.md`, "not source\n");
  await Deno.mkdir(`${dir}/helpers`);
  await Deno.writeTextFile(`${dir}/helpers/h.ts`, "export const h = 2;\n");
  await Deno.mkdir(`${dir}/.git`);
  await Deno.writeTextFile(`${dir}/.git/config.ts`, "secret\n");
  await Deno.symlink("/etc/passwd", `${dir}/link.ts`);
  await Deno.symlink("/etc", `${dir}/linkdir`);
  await Deno.writeFile(`${dir}/big.ts`, new Uint8Array(MAX_FILE_BYTES + 1));
  return dir;
}

Deno.test("staging copies source files as regular files and leaves out links, big files and dot folders", async () => {
  const dir = await submission();
  const staging = createStaging("/kit/lib");
  const snapshot = copySubmission(staging, dir, { extraFiles: { "extra.ts": "export {};\n" } });
  try {
    const names: string[] = [];
    for await (const e of Deno.readDir(snapshot.exercisesDir)) names.push(e.name);
    assert.deepEqual(names.sort(), ["01_a.ts", "extra.ts", "helpers"]);
    assert.equal(
      await Deno.readTextFile(`${snapshot.exercisesDir}/helpers/h.ts`),
      "export const h = 2;\n",
    );
    assert.ok((await Deno.lstat(`${snapshot.exercisesDir}/01_a.ts`)).isFile);
    assert.equal(snapshot.skipped.length, 3);
    assert.ok(snapshot.skipped.some((s) => s.startsWith("link.ts: a symbolic link")));
    assert.ok(snapshot.skipped.some((s) => s.startsWith("linkdir: a symbolic link")));
    assert.ok(snapshot.skipped.some((s) => s.startsWith("big.ts: larger than")));
    const map = JSON.parse(await Deno.readTextFile(staging.importMapPath));
    assert.equal(map.imports["@gradkit/lib"], "file:///kit/lib/mod.ts");
    // A second snapshot has its own folder (new module URLs for a warm sandbox).
    const second = copySubmission(staging, dir);
    assert.notEqual(second.exercisesDir, snapshot.exercisesDir);
    assert.ok((await Deno.lstat(`${second.exercisesDir}/01_a.ts`)).isFile);
    assert.ok(second.exercisesDir.startsWith(staging.snapshotsDir + "/"));
    removeSnapshot(second);
    assert.equal(await Deno.stat(second.exercisesDir).catch(() => null), null);
  } finally {
    await removeStaging(staging);
    await Deno.remove(dir, { recursive: true });
  }
  assert.equal(
    await Deno.stat(staging.root).catch(() => null),
    null,
    "the run's folder is removed",
  );
});

Deno.test("reusable staging: one folder per session at a time, kept for the next, leftovers cleared", async () => {
  const reuseDir = await Deno.makeTempDir({ prefix: "gradkit-reuse-test-" });
  const dir = await submission();
  try {
    const first = createStaging("/kit/lib", reuseDir);
    const second = createStaging("/kit/lib", reuseDir);
    assert.equal(first.root, `${reuseDir}/0`);
    assert.equal(second.root, `${reuseDir}/1`, "a folder in use is not shared");
    const snapshot = copySubmission(first, dir);
    await removeStaging(first);
    await removeStaging(second);
    assert.equal(await Deno.stat(snapshot.exercisesDir).catch(() => null), null, "files removed");

    // The next session takes the same folder, so its modules keep their URLs.
    const next = createStaging("/kit/lib", reuseDir);
    assert.equal(next.root, first.root);
    assert.equal(copySubmission(next, dir).exercisesDir, snapshot.exercisesDir);
    // A run that ends without cleaning up (its lock goes with its process) leaves files behind:
    // the next session starts from an empty folder.
    next.lock?.close();
    await Deno.writeTextFile(`${next.snapshotsDir}/stale.ts`, "export {};\n");
    await Deno.writeTextFile(`${next.socketsDir}/0`, "a socket left behind\n");
    await Deno.mkdir(`${next.root}/trash-of-a-run-killed-while-clearing`);
    const after = createStaging("/kit/lib", reuseDir);
    assert.equal(after.root, first.root);
    assert.deepEqual([...Deno.readDirSync(after.snapshotsDir)], []);
    await after.cleared;
    assert.deepEqual(
      [...Deno.readDirSync(after.root)].map((e) => e.name).sort(),
      ["import_map.json", "snapshots", "sockets"],
      "what was left is removed",
    );
    assert.equal(after.socketsDir, `${after.root}/sockets`);
    assert.deepEqual([...Deno.readDirSync(after.socketsDir)], []);
    await removeStaging(after);

    // Every folder taken: a temporary one, removed whole at the end.
    const taken = Array.from(
      { length: REUSABLE_STAGINGS },
      () => createStaging("/kit/lib", reuseDir),
    );
    const extra = createStaging("/kit/lib", reuseDir);
    assert.equal(extra.lock, undefined);
    assert.ok(!extra.root.startsWith(reuseDir));
    await removeStaging(extra);
    assert.equal(await Deno.stat(extra.root).catch(() => null), null);
    for (const s of taken) await removeStaging(s);
  } finally {
    await Deno.remove(reuseDir, { recursive: true });
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("staging: sockets go to a temporary folder when the staging folder's path is too long", async () => {
  const reuseDir = await Deno.makeTempDir({ prefix: "gradkit-reuse-test-" });
  const deep = `${reuseDir}/${"d".repeat(MAX_SOCKETS_DIR_BYTES)}`;
  try {
    const staging = createStaging("/kit/lib", deep);
    assert.equal(staging.root, `${deep}/0`);
    assert.ok(!staging.socketsDir.startsWith(staging.root));
    assert.ok(new TextEncoder().encode(staging.socketsDir).length <= MAX_SOCKETS_DIR_BYTES);
    assert.ok((await Deno.stat(staging.socketsDir)).isDirectory);
    await removeStaging(staging);
    assert.equal(await Deno.stat(staging.socketsDir).catch(() => null), null, "removed");
  } finally {
    await Deno.remove(reuseDir, { recursive: true });
  }
});

Deno.test("leaveStaging: a temporary folder goes, a reusable folder's snapshots stay for the next session", async () => {
  const reuseDir = await Deno.makeTempDir({ prefix: "gradkit-reuse-test-" });
  const dir = await submission();
  try {
    const reusable = createStaging("/kit/lib", reuseDir);
    const kept = copySubmission(reusable, dir);
    const temporary = createStaging("/kit/lib");
    copySubmission(temporary, dir);
    leaveStaging(reusable);
    leaveStaging(temporary);
    assert.ok((await Deno.stat(kept.exercisesDir)).isDirectory, "left for the next session");
    assert.equal(await Deno.stat(temporary.root).catch(() => null), null, "removed");
    reusable.lock?.close(); // what the process's end does
    const next = createStaging("/kit/lib", reuseDir);
    assert.equal(next.root, reusable.root);
    await next.cleared;
    assert.equal(await Deno.stat(kept.exercisesDir).catch(() => null), null, "cleared by the next");
    await removeStaging(next);
  } finally {
    await Deno.remove(reuseDir, { recursive: true });
    await Deno.remove(dir, { recursive: true });
  }
});

// Races: each test acts at the racy moment through the `onRace` seam, and checks that what was
// staged is the submission's own file, or nothing (and the skipped files say why).

const KIT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const SOLUTION = `${KIT}/solutions/08_mse_loss.ts`;

/** A submission and, beside it, a folder of answers it must never reach. */
async function raceSetup(): Promise<{ dir: string; answers: string; root: string }> {
  // Inside the kit, on the file system of `solutions/` (the hard link test needs it).
  await Deno.mkdir(`${KIT}/.cache`, { recursive: true });
  const root = await Deno.makeTempDir({ dir: `${KIT}/.cache`, prefix: "staging-race-test-" });
  const dir = `${root}/submission`;
  const answers = `${root}/answers`;
  await Deno.mkdir(`${dir}/sub`, { recursive: true });
  await Deno.mkdir(answers);
  await Deno.writeTextFile(`${dir}/a.ts`, "mine\n");
  await Deno.writeTextFile(`${dir}/sub/b.ts`, "mine\n");
  await Deno.writeTextFile(`${answers}/a.ts`, "ANSWER\n");
  await Deno.writeTextFile(`${answers}/b.ts`, "ANSWER\n");
  return { dir, answers, root };
}

/** Every staged file's path and text. */
function stagedFiles(dir: string, shown = ""): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of Deno.readDirSync(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) Object.assign(found, stagedFiles(path, `${shown}${e.name}/`));
    else found[shown + e.name] = Deno.readTextFileSync(path);
  }
  return found;
}

/** Stages `dir` with `onRace`, and hands the snapshot to `check`; cleans up. */
async function raced(
  setup: { dir: string; root: string },
  onRace: RaceHook,
  check: (snapshot: Snapshot) => void,
): Promise<void> {
  const staging = createStaging("/kit/lib");
  const cwd = Deno.cwd();
  try {
    check(copySubmission(staging, setup.dir, { onRace }));
    assert.equal(Deno.cwd(), cwd, "the working folder is put back");
  } finally {
    await removeStaging(staging);
    await Deno.remove(setup.root, { recursive: true });
  }
}

Deno.test("race: a folder swapped for a link to another folder before it is entered is not followed", async () => {
  const s = await raceSetup();
  await raced(s, (moment, path) => {
    if (moment === "checked" && path === `${s.dir}/sub`) {
      Deno.renameSync(path, `${s.dir}/.moved`);
      Deno.symlinkSync(s.answers, path);
    }
  }, (snapshot) => {
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), { "a.ts": "mine\n" });
    assert.deepEqual(snapshot.skipped, [
      "sub: changed while it was being staged (a link or another folder took its place)",
    ]);
  });
});

Deno.test("race: a folder swapped for a link after its parent is listed is skipped as a link", async () => {
  const s = await raceSetup();
  await raced(s, (moment, path) => {
    if (moment === "listed" && path === s.dir) {
      Deno.renameSync(`${s.dir}/sub`, `${s.dir}/.moved`);
      Deno.symlinkSync(s.answers, `${s.dir}/sub`);
    }
  }, (snapshot) => {
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), { "a.ts": "mine\n" });
    assert.deepEqual(snapshot.skipped, [
      "sub: a symbolic link (only regular files are graded)",
    ]);
  });
});

Deno.test("race: a parent folder swapped for a link while its files are staged changes nothing", async () => {
  // Once entered, a folder's files are found in it, not through its path.
  const s = await raceSetup();
  await raced(s, (moment, path) => {
    if (moment === "checked" && path === `${s.dir}/sub/b.ts`) {
      Deno.renameSync(`${s.dir}/sub`, `${s.dir}/.moved`);
      Deno.symlinkSync(s.answers, `${s.dir}/sub`);
    }
  }, (snapshot) => {
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), {
      "a.ts": "mine\n",
      "sub/b.ts": "mine\n",
    });
    assert.deepEqual(snapshot.skipped, []);
  });
});

for (
  const [what, swap] of [
    ["a link to another file", (path: string, answers: string) => {
      Deno.removeSync(path);
      Deno.symlinkSync(`${answers}/a.ts`, path);
    }],
    ["another file", (path: string, answers: string) => {
      Deno.copyFileSync(`${answers}/a.ts`, `${path}.new`);
      Deno.renameSync(`${path}.new`, path);
    }],
  ] as const
) {
  Deno.test(`race: a file swapped for ${what} between its lstat and its open is refused`, async () => {
    const s = await raceSetup();
    await raced(s, (moment, path) => {
      if (moment === "checked" && path === `${s.dir}/a.ts`) swap(path, s.answers);
    }, (snapshot) => {
      assert.deepEqual(stagedFiles(snapshot.exercisesDir), { "sub/b.ts": "mine\n" });
      assert.equal(snapshot.skipped.length, 1);
      assert.match(snapshot.skipped[0], /^a\.ts: changed while it was being staged/);
    });
  });
}

Deno.test("race: a file that grows past the cap after its lstat is refused", async () => {
  const s = await raceSetup();
  await raced(s, (moment, path) => {
    if (moment === "checked" && path === `${s.dir}/a.ts`) {
      Deno.writeFileSync(path, new Uint8Array(MAX_FILE_BYTES), { append: true });
    }
  }, (snapshot) => {
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), { "sub/b.ts": "mine\n" });
    assert.deepEqual(snapshot.skipped, ["a.ts: grew past 1 MiB while it was being staged"]);
  });
});

Deno.test("race: a link planted in the staged tree fails the staging", async () => {
  const s = await raceSetup();
  const staging = createStaging("/kit/lib");
  try {
    assert.throws(
      () =>
        copySubmission(staging, s.dir, {
          onRace: (moment, path) => {
            if (moment === "staged") Deno.symlinkSync(SOLUTION, `${path}/sub/planted.ts`);
          },
        }),
      (e) => e instanceof StagingTampered && /a symbolic link \(sub\/planted\.ts\)/.test(e.message),
    );
  } finally {
    await removeStaging(staging);
    await Deno.remove(s.root, { recursive: true });
  }
});

Deno.test("the kit's answers: a link to a solution is skipped, a hard link to one refused", async () => {
  const s = await raceSetup();
  Deno.symlinkSync(SOLUTION, `${s.dir}/08_mse_loss.ts`);
  Deno.linkSync(SOLUTION, `${s.dir}/sub/08_mse_loss.ts`);
  Deno.linkSync(`${KIT}/grader/spec.ts`, `${s.dir}/spec.ts`);
  const staging = createStaging("/kit/lib");
  try {
    const snapshot = copySubmission(staging, s.dir);
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), {
      "a.ts": "mine\n",
      "sub/b.ts": "mine\n",
    });
    assert.deepEqual(snapshot.skipped.sort(), [
      "08_mse_loss.ts: a symbolic link (only regular files are graded)",
      "spec.ts: the same file (a hard link) as one of the kit's own in solutions/ or grader/",
      "sub/08_mse_loss.ts: the same file (a hard link) as one of the kit's own in solutions/ or grader/",
    ]);
    // The kit's own answer folder is graded as trusted (the catalogue check).
    const trusted = copySubmission(staging, s.dir, { trusted: true });
    assert.equal(
      stagedFiles(trusted.exercisesDir)["sub/08_mse_loss.ts"],
      Deno.readTextFileSync(SOLUTION),
    );
  } finally {
    await removeStaging(staging);
    await Deno.remove(s.root, { recursive: true });
  }
});

Deno.test("isKitAnswerFolder: the kit's solutions/ as named, not a link to it", async () => {
  const s = await raceSetup();
  try {
    assert.ok(isKitAnswerFolder(`${KIT}/solutions`));
    assert.ok(isKitAnswerFolder(`${KIT}/solutions/mistakes/`));
    assert.ok(isKitAnswerFolder(`${KIT}/exercises/../solutions`));
    assert.ok(!isKitAnswerFolder(`${KIT}/exercises`));
    assert.ok(!isKitAnswerFolder(`${KIT}/solutionsx`));
    Deno.symlinkSync(`${KIT}/solutions`, `${s.root}/linked`);
    assert.ok(!isKitAnswerFolder(`${s.root}/linked`));
    // Not trusted, so every file of it is refused (as a grading session stages it: the real
    // path, trusted or not by the name it was given).
    const staging = createStaging("/kit/lib");
    const snapshot = copySubmission(staging, Deno.realPathSync(`${s.root}/linked`), {
      trusted: isKitAnswerFolder(`${s.root}/linked`),
    });
    assert.deepEqual(stagedFiles(snapshot.exercisesDir), {});
    assert.deepEqual(snapshot.skipped, [".: one of the kit's own folders (solutions/ or grader/)"]);
    await removeStaging(staging);
  } finally {
    await Deno.remove(s.root, { recursive: true });
  }
});

Deno.test("copySubmission: skipped files are listed up to a bound, the rest counted", () => {
  const dir = Deno.makeTempDirSync({ prefix: "gradkit-skipped-" });
  const staging = createStaging("/kit/lib");
  try {
    for (let i = 0; i < MAX_SKIPPED_LISTED + 30; i++) {
      Deno.symlinkSync("/etc/hostname", `${dir}/l${i}.ts`);
    }
    const { skipped } = copySubmission(staging, dir);
    assert.equal(skipped.length, MAX_SKIPPED_LISTED + 1);
    assert.equal(skipped.at(-1), "… and 30 more files skipped");
  } finally {
    removeStaging(staging);
    Deno.removeSync(dir, { recursive: true });
  }
});
