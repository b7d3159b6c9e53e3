import assert from "node:assert/strict";
import { MAX_FILE_BYTES, removeStaging, stageSubmission } from "./staging.ts";

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
  const staging = stageSubmission(dir, "/kit/lib", { "extra.ts": "export {};\n" });
  try {
    const names: string[] = [];
    for await (const e of Deno.readDir(staging.exercisesDir)) names.push(e.name);
    assert.deepEqual(names.sort(), ["01_a.ts", "extra.ts", "helpers"]);
    assert.equal(
      await Deno.readTextFile(`${staging.exercisesDir}/helpers/h.ts`),
      "export const h = 2;\n",
    );
    assert.ok((await Deno.lstat(`${staging.exercisesDir}/01_a.ts`)).isFile);
    assert.equal(staging.skipped.length, 3);
    assert.ok(staging.skipped.some((s) => s.startsWith("link.ts: a symbolic link")));
    assert.ok(staging.skipped.some((s) => s.startsWith("linkdir: a symbolic link")));
    assert.ok(staging.skipped.some((s) => s.startsWith("big.ts: larger than")));
    const map = JSON.parse(await Deno.readTextFile(staging.importMapPath));
    assert.equal(map.imports["@gradkit/lib"], "file:///kit/lib/mod.ts");
  } finally {
    removeStaging(staging);
    await Deno.remove(dir, { recursive: true });
  }
  assert.equal(
    await Deno.stat(staging.root).catch(() => null),
    null,
    "the run's folder is removed",
  );
});
