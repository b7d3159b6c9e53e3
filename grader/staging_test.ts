import assert from "node:assert/strict";
import {
  copySubmission,
  createStaging,
  leaveStaging,
  MAX_FILE_BYTES,
  MAX_SOCKETS_DIR_BYTES,
  removeSnapshot,
  removeStaging,
  REUSABLE_STAGINGS,
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
  const snapshot = copySubmission(staging, dir, { "extra.ts": "export {};\n" });
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
