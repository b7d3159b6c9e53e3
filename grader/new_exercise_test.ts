/**
 * `deno task new`, in a copy of the kit: the scaffold is formatted and type-checks, its stub
 * grades `not_started`, verify refuses its placeholder mistakes by name, and passes once the
 * three are written as real mistakes (a first line, a kind, the learner's line).
 */

import assert from "node:assert/strict";
import { KIT_DIR } from "./grade.ts";
import { addToManifest } from "./new_exercise.ts";

function copyTree(from: string, to: string): void {
  Deno.mkdirSync(to, { recursive: true });
  for (const e of Deno.readDirSync(from)) {
    if (e.isDirectory) copyTree(`${from}/${e.name}`, `${to}/${e.name}`);
    else if (e.isFile) Deno.copyFileSync(`${from}/${e.name}`, `${to}/${e.name}`);
  }
}

async function deno(cwd: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), { args, cwd, env: { NO_COLOR: "1" } })
    .output();
  const dec = new TextDecoder();
  return { code: out.code, out: dec.decode(out.stdout) + dec.decode(out.stderr) };
}

Deno.test("new: a scaffold that grades, and that verify passes only once its mistakes are real", async () => {
  const kit = await Deno.makeTempDir({ prefix: "gradkit-new-test-" });
  try {
    for (const dir of ["grader", "lib", "solutions", "exercises"]) {
      copyTree(`${KIT_DIR}/${dir}`, `${kit}/${dir}`);
    }
    for (const f of ["deno.json", "deno.lock"]) Deno.copyFileSync(`${KIT_DIR}/${f}`, `${kit}/${f}`);

    const made = await deno(kit, ["run", "-A", "grader/new_exercise.ts", "demo_loss"]);
    assert.equal(made.code, 0, made.out);
    const again = await deno(kit, ["run", "-A", "grader/new_exercise.ts", "demo_loss"]);
    assert.equal(again.code, 2);
    assert.match(again.out, /the course has demo_loss already/);

    const written = [
      "grader/stubs/demo_loss.ts",
      "solutions/demo_loss.ts",
      "grader/specs/demo_loss.ts",
      "grader/manifest.ts",
      "solutions/stub_types_test.ts",
    ];
    const fmt = await deno(kit, ["fmt", "--check", ...written, "solutions/mistakes/demo_loss"]);
    assert.equal(fmt.code, 0, fmt.out);
    const lint = await deno(kit, ["lint", ...written]);
    assert.equal(lint.code, 0, lint.out);
    const check = await deno(kit, ["check", ...written, "solutions/mistakes/demo_loss"]);
    assert.equal(check.code, 0, check.out);

    const graded = await deno(kit, ["run", "-A", "grader/main.ts", "demo_loss"]);
    assert.match(graded.out, /not started demo_loss/);

    const placeholders = await deno(kit, ["run", "-A", "grader/verify_cli.ts", "demo_loss"]);
    assert.equal(placeholders.code, 1, placeholders.out);
    for (const k of [1, 2, 3]) {
      assert.match(
        placeholders.out,
        new RegExp(`demo_loss: the mistake placeholder_${k} is a placeholder`),
      );
    }

    const dir = `${kit}/solutions/mistakes/demo_loss`;
    // Each placeholder written as a real mistake: its first line, its kind, the learner's line.
    const wrong: [string, string, string][] = [
      ["half_factor", "Used ½·Σx²: value and gradient half", "x.square().sum() / 2, dX: x"],
      ["sign_flipped", "The gradient's sign flipped", "x.square().sum(), dX: x.mul(-2)"],
      ["forgot_two", "The gradient lost the 2 the square brings down", "x.square().sum(), dX: x"],
    ];
    const kinds = ["missing-factor", "sign", "missing-factor"];
    for (const [k, [name, about, body]] of wrong.entries()) {
      const placeholder = await Deno.readTextFile(`${dir}/placeholder_${k + 1}.ts`);
      await Deno.remove(`${dir}/placeholder_${k + 1}.ts`);
      const lines = placeholder.split("\n");
      const learner = lines.lastIndexOf("  return { loss: x.square().sum(), dX: x.mul(2) };");
      lines[learner] = `  return { loss: ${body} };`;
      await Deno.writeTextFile(
        `${dir}/${name}.ts`,
        lines.join("\n").replace(/\/\*\*[\s\S]*?\*\//, `/**\n * ${about}.\n */`)
          .replace(`kind: "placeholder"`, `kind: "${kinds[k]}"`),
      );
    }
    const sound = await deno(kit, ["run", "-A", "grader/verify_cli.ts", "demo_loss"]);
    assert.equal(sound.code, 0, sound.out);
    assert.match(sound.out, /caught half_factor \[missing-factor\]: Used ½·Σx²/);
    assert.match(sound.out, /verify demo_loss: sound/);
  } finally {
    await Deno.remove(kit, { recursive: true });
  }
});

Deno.test("new: the manifest entry goes at the end of the course, its import after the others", () => {
  const text = Deno.readTextFileSync(`${KIT_DIR}/grader/manifest.ts`);
  const updated = addToManifest(text, "huber_loss", "huber_loss.ts");
  assert.match(
    updated,
    /import \{ spec as capstone \} from "\.\/specs\/capstone\.ts";\nimport \{ spec as huberLoss \} from "\.\/specs\/huber_loss\.ts";\n/,
  );
  assert.match(
    updated,
    /spec: capstone,\n {2}\},\n {2}\{\n {4}id: "huber_loss",[\s\S]*spec: huberLoss,\n {2}\},\n\];\n/,
  );
});
