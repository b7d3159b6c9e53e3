import assert from "node:assert/strict";
import { exerciseNamed, STUBS_DIR } from "../manifest.ts";
import { KIT_DIR } from "../pool.ts";
import { hintText } from "./hint.ts";
import { parseResetArgs, reset } from "./reset.ts";
import { clearScreen, progressBar, terminalWidth, useColor, useUnicode } from "./tty.ts";

function terminal(env: Record<string, string>, isTerminal: boolean, columns = 120) {
  return {
    env: { get: (k: string) => env[k] },
    isTerminal: () => isTerminal,
    columns: () => columns,
  };
}

Deno.test("tty: block characters unless TERM=dumb or a locale that is not UTF-8", () => {
  assert.equal(useUnicode(terminal({}, true)), true, "no locale set: UTF-8 assumed");
  assert.equal(useUnicode(terminal({ LANG: "en_US.UTF-8" }, false)), true);
  assert.equal(useUnicode(terminal({ LC_ALL: "C.utf8", LANG: "C" }, true)), true);
  assert.equal(useUnicode(terminal({ TERM: "dumb", LANG: "en_US.UTF-8" }, true)), false);
  assert.equal(useUnicode(terminal({ LANG: "C" }, true)), false);
  assert.equal(useUnicode(terminal({ LC_ALL: "POSIX", LANG: "en_US.UTF-8" }, true)), false);
  assert.equal(useUnicode(terminal({ LC_CTYPE: "de_DE.ISO-8859-1" }, true)), false);
});

Deno.test("tty: no colour under NO_COLOR, TERM=dumb or a pipe; the width, else 80", () => {
  assert.equal(useColor(terminal({}, true)), true);
  assert.equal(useColor(terminal({ NO_COLOR: "1" }, true)), false);
  assert.equal(useColor(terminal({ NO_COLOR: "" }, true)), true, "empty NO_COLOR is unset");
  assert.equal(useColor(terminal({ TERM: "dumb" }, true)), false);
  assert.equal(useColor(terminal({}, false)), false);
  assert.equal(terminalWidth(terminal({}, true, 132)), 132);
  assert.equal(terminalWidth(terminal({}, false)), 80);
  assert.equal(terminalWidth(terminal({ COLUMNS: "100" }, false)), 100);
  assert.equal(clearScreen(terminal({}, false)), "");
  assert.equal(clearScreen(terminal({ TERM: "dumb" }, true)), "");
  assert.ok(clearScreen(terminal({}, true)).includes("\x1b[2J"));
  assert.equal(progressBar(4, 16), "[####------------] 4/16");
});

Deno.test("hint: three tiers from the spec, tier 1 its hint; past the last, a pointer to it", () => {
  const mse = exerciseNamed("mse_loss");
  const flat = (text: string) => text.replace(/\s+/g, " ");
  const one = hintText(["8"], 80);
  assert.equal(one.status, 0);
  assert.match(one.text, /^hint 1 of 3 for mse_loss \(exercises\/08_mse_loss\.ts\):\n {2}\S/);
  assert.ok(flat(one.text).includes(flat(mse.spec.hint)));
  assert.match(one.text, /more: \.\/deno task hint mse_loss 2/);
  for (const tier of [2, 3]) {
    const text = hintText(["mse_loss", String(tier)], 80);
    assert.equal(text.status, 0);
    assert.match(text.text, new RegExp(`^hint ${tier} of 3 for mse_loss`));
    assert.ok(flat(text.text).includes(flat(mse.spec.hints![tier - 1])));
  }
  assert.match(hintText(["mse_loss", "3"], 80).text, /no further hint tier for this exercise/);
  const four = hintText(["mse_loss", "4"], 80);
  assert.equal(four.status, 1);
  assert.match(
    four.text,
    /mse_loss has 3 hint tiers and no tier 4; the last: \.\/deno task hint mse_loss 3/,
  );
  assert.equal(hintText([], 80).status, 2);
  assert.equal(hintText(["mse_loss", "x"], 80).status, 2);
  assert.equal(hintText(["mse_loss", "0"], 80).status, 2);
  assert.throws(() => hintText(["mse"], 80), /did you mean "mse_loss"/);
});

Deno.test("reset: asks, keeps a backup, refuses without a terminal unless --yes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gradkit-reset-test-" });
  const exercise = exerciseNamed("08");
  const stub = await Deno.readTextFile(`${KIT_DIR}/${STUBS_DIR}/${exercise.file}`);
  const mine = "export function mseLoss() { return 42; }\n";
  const file = `${dir}/${exercise.file}`;
  const now = new Date(2026, 11, 6, 20, 50, 12);
  try {
    await Deno.writeTextFile(file, mine);
    const noTerminal = await reset({ exercise, dir, yes: false, now });
    assert.equal(noTerminal.status, 2);
    assert.match(
      noTerminal.text,
      /no terminal to ask on; .*\.\/deno task reset mse_loss --yes --dir/,
    );
    const asked: string[] = [];
    const no = await reset({
      exercise,
      dir,
      yes: false,
      now,
      ask: (q) => (asked.push(q), Promise.resolve(false)),
    });
    assert.equal(no.status, 1);
    assert.match(
      asked[0],
      /Replace .*08_mse_loss\.ts with its stub\? Your file is kept as .*\.backup\/08_mse_loss\.ts\.20261206-205012\. \[y\/N\] $/,
    );
    assert.equal(await Deno.readTextFile(file), mine, "declined: unchanged");
    const yes = await reset({ exercise, dir, yes: false, now, ask: () => Promise.resolve(true) });
    assert.equal(yes.status, 0, yes.text);
    assert.equal(await Deno.readTextFile(file), stub);
    assert.equal(await Deno.readTextFile(`${dir}/.backup/08_mse_loss.ts.20261206-205012`), mine);
    assert.match(
      (await reset({ exercise, dir, yes: true })).text,
      /already its stub: nothing to do/,
    );
    await Deno.remove(file);
    assert.equal(
      (await reset({ exercise, dir, yes: false })).status,
      0,
      "a missing file: no question",
    );
    assert.deepEqual(parseResetArgs(["7", "--yes"]), { name: "7", yes: true, dir: "exercises" });
    assert.throws(() => parseResetArgs(["7", "--ye"]), /did you mean "--yes"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
