import assert from "node:assert/strict";
import { MANIFEST } from "../manifest.ts";
import { showWaiting, waitingLine } from "./waiting.ts";

Deno.test("waitingLine: counts, time and the exercises waited on, cut to the width", () => {
  assert.equal(
    waitingLine(["mse_loss", "relu"], 14, 16, 3250, 100),
    "still grading (14/16 done, 3.3 s): waiting on mse_loss, relu",
  );
  const cut = waitingLine(MANIFEST.map((e) => e.id), 0, 16, 2000, 40);
  assert.ok(cut.length <= 39 && cut.endsWith("…"), cut);
});

Deno.test("showWaiting: on a terminal, the line after the delay, then cleared; off one, nothing", async () => {
  const written: string[] = [];
  const terminal = {
    isTerminal: () => true,
    write: (t: string) => written.push(t),
    width: () => 80,
  };
  const progress = showWaiting(terminal, 20, 100);
  progress.start?.(MANIFEST.slice(0, 2));
  progress.done?.(MANIFEST[0]);
  await new Promise((r) => setTimeout(r, 300));
  progress.stop();
  const last = written.at(-2) ?? "";
  assert.match(last, new RegExp(`1/2 done.*waiting on ${MANIFEST[1].id}$`));
  assert.equal(written.at(-1), "\r\x1b[K");

  const piped: string[] = [];
  const quiet = showWaiting({
    isTerminal: () => false,
    write: (t) => piped.push(t),
    width: () => 80,
  });
  quiet.start?.(MANIFEST.slice(0, 1));
  quiet.stop();
  assert.deepEqual(piped, []);
});
