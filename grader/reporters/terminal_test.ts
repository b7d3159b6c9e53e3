import assert from "node:assert/strict";
import { styleText } from "node:util";
import type { Report } from "../report.ts";
import { renderTerminal, visible } from "./terminal.ts";

function report(): Report {
  return {
    schemaVersion: 2,
    inputs: "public",
    seed: 42,
    nonce: null,
    dir: "exercises",
    durationMs: 1234,
    skippedFiles: ["link.ts: a symbolic link (only regular files are graded)"],
    summary: {
      total: 2,
      passed: 1,
      failed: 1,
      notStarted: 0,
      error: 0,
      timeout: 0,
      points: 15,
      maxPoints: 20,
    },
    exercises: [
      {
        id: "gates",
        title: "Gates",
        file: "03_gates.ts",
        status: "passed",
        points: 10,
        maxPoints: 10,
        tests: [{ name: "a", status: "passed" }],
        durationMs: 5,
      },
      {
        id: "mse_loss",
        title: "Mean squared error",
        file: "08_mse_loss.ts",
        status: "failed",
        points: 5,
        maxPoints: 10,
        tests: [
          { name: "value", status: "passed" },
          {
            name: "dPred on a batch",
            status: "failed",
            message: "dPred: element [0, 1] is 2, expected 1",
          },
        ],
        output: "debug \x1b[2J\x1b[32mpassed\n",
        hint: "divide by N",
        durationMs: 7,
      },
    ],
  };
}

Deno.test("terminal view: one line per exercise, failures explained, next step and replay", () => {
  const text = renderTerminal(report(), { color: false, replay: "./deno task grade --seed 42" });
  assert.match(text, /^gradkit: grading exercises with seed 42\n/);
  assert.match(text, /passed {6}gates {22}1\/1 tests {2}10\/10 pts {2}\(03_gates\.ts\)/);
  assert.match(text, /FAILED {6}mse_loss/);
  assert.match(text, /✗ dPred on a batch\n {8}dPred: element \[0, 1\] is 2, expected 1/);
  assert.match(text, /hint: \.\/deno task hint mse_loss\n/);
  assert.ok(!text.includes("divide by N"), "the hint itself is a command away");
  assert.match(text, /skipped link\.ts: a symbolic link/);
  assert.match(text, /1\/2 exercises passed, 1 failed.*15\/20 points \(1\.23 s\)/);
  assert.match(text, /next: exercises\/08_mse_loss\.ts \(Mean squared error\)/);
  assert.match(text, /replay exactly: \.\/deno task grade --seed 42\n$/);
  assert.ok(!text.includes("\x1b"), "no raw escape from learner output");
});

Deno.test("terminal view of a secret run: the nonce, no seed", () => {
  const nonce = "0123456789abcdef0123456789abcdef";
  const secret: Report = { ...report(), inputs: "secret", seed: null, nonce };
  const text = renderTerminal(secret, { color: false });
  assert.match(text, new RegExp(`^gradkit: grading exercises with secret inputs .*nonce ${nonce}`));
  assert.ok(!/seed null|undefined/.test(text), text);
});

Deno.test("visible: control characters from learner output are escaped, text kept", () => {
  assert.equal(visible("a\x1b[2Jb\tc\nd\x00"), "a\\x1b[2Jb\tc\nd\\x00");
});

Deno.test("terminal view: colors match node:util's styleText, and only the verdicts get them", () => {
  const paint = (color: "green" | "red", text: string) =>
    styleText(color, text, { validateStream: false });
  const text = renderTerminal(report(), { color: true });
  assert.ok(text.includes(paint("green", "passed".padEnd(11))), "passed in green");
  assert.ok(text.includes(paint("red", "FAILED".padEnd(11))), "FAILED in red");
  assert.ok(text.includes(`${paint("red", "✗")} dPred on a batch`), "failed test in red");
  // The learner's escape sequences stay escaped even with colors on.
  assert.ok(!text.includes("\x1b[2J"));
});

Deno.test("terminal view: plurals right, wrapped to the width, short by default, all with --verbose", () => {
  const r = report();
  r.summary = { ...r.summary, error: 1, timeout: 1 };
  const failing = r.exercises[1];
  failing.tests.push(
    ...["b", "c", "d"].map((name) => ({
      name,
      status: "failed" as const,
      message: `${name}: ${"a long message ".repeat(10)}`,
      notes: ["a note"],
    })),
  );
  const short = renderTerminal(r, { color: false, width: 60 });
  assert.match(short, /1 failed, 1 error, 1 timeout;/);
  assert.ok(!/errors|timeouts/.test(short));
  for (const line of short.split("\n")) {
    if (line.startsWith("        ")) assert.ok(line.length <= 60, line);
  }
  assert.match(short, /\n {8}b: a long message.*\n {8}\S/, "continues under itself");
  assert.match(short, /… and 1 more test \(--verbose shows all\)/);
  assert.ok(!short.includes("note:") && !short.includes("✓"));
  const all = renderTerminal(r, { color: false, width: 60, verbose: true });
  assert.match(all, /✗ d\n/);
  assert.match(all, /note: a note/);
  assert.match(all, /✓ value/);
});

Deno.test("terminal view: next is the imported exercise that holds one up", () => {
  const r = report();
  r.exercises[1].failingImports = [
    { id: "gates", file: "03_gates.ts", status: "not_started" },
  ];
  assert.match(
    renderTerminal(r, { color: false }),
    /next: exercises\/03_gates\.ts \(gates, which mse_loss imports\)/,
  );
});

Deno.test("terminal view: a failed test's likely mistake, its own loss, the kind per gradient, a matched known mistake", () => {
  const r = report();
  const mse = r.exercises[1];
  mse.knownMistake = { name: "forgot_mean", kind: "forgotten-1/N", about: "Forgot the 1/N." };
  mse.tests[1] = {
    ...mse.tests[1],
    diagnosis: { kind: "forgotten-1/N", text: "dPred is exactly 6 times the expected value" },
    ownLoss: "dPred is the derivative of your own loss",
    gradients: [
      { what: "dW", relError: 0.8, tolerance: 1e-5, passed: false, kind: "forgotten-1/N" },
      { what: "db", relError: 1e-9, tolerance: 1e-5, passed: true },
    ],
  };
  const text = renderTerminal(r, { color: false, width: 200 });
  assert.match(
    text,
    /\n {4}fails exactly as the known mistake forgot_mean \(forgotten-1\/N\): Forgot/,
  );
  assert.match(text, /\n {8}likely mistake: dPred is exactly 6 times the expected value\n/);
  assert.match(text, /\n {8}also: dPred is the derivative of your own loss\n/);
  assert.match(text, /dW +8\.00e-1 +WRONG \(> 0\.00001\), likely forgotten-1\/N\n/);
  assert.match(text, /db +1\.00e-9 +ok\n/);
});

Deno.test("terminal view: curves as sparklines, under a passed exercise and under a failing test", () => {
  const r = report();
  r.exercises[0].tests = [
    { name: "one curve", status: "passed", series: [{ name: "yours", values: [3, 2, 1] }] },
    {
      name: "the comparison",
      status: "passed",
      series: [
        { name: "yours", values: [4, 2, 1] },
        { name: "reference", values: [4, 2, 1] },
      ],
    },
  ];
  r.exercises[1].tests[1].series = [
    { name: "X·1000, η \x1b[2J", values: [10, 1e5, 1e10, null] },
    { name: "X, η", values: [10, 5, 2, 1] },
  ];
  const text = renderTerminal(r, { color: false, width: 60 });
  const lines = text.split("\n");
  // The passed exercise shows its chart with the most curves, not the first.
  const passed = lines.findIndex((l) => l.includes("~ the comparison"));
  assert.ok(passed > 0, text);
  assert.ok(!text.includes("~ one curve"), "one chart under a passed exercise by default");
  assert.match(lines[passed + 1], /^ {6}yours {6}█▃▁ {2}4 → 1$/);
  assert.match(lines[passed + 2], /^ {6}reference {2}█▃▁ {2}4 → 1$/);
  // The failing test's chart sits under its message, on a log scale, the gap marked.
  const failed = lines.findIndex((l) => l.includes("~ dPred on a batch"));
  assert.ok(failed > lines.findIndex((l) => l.includes("dPred: element")), text);
  assert.match(lines[failed + 1], /X·1000, η \\x1b\[2J {2}▂▅█! {2}10 → not finite/);
  assert.match(lines[failed + 3], /\(log scale; !: not a finite number\)/);
  assert.ok(!text.includes("\x1b"), "a series name cannot send escape sequences");
  assert.ok(lines.every((l) => l.length <= 60 || !/[▁-█]/.test(l)), "within the width");
  // ASCII where block characters cannot be shown; verbose shows every chart.
  const ascii = renderTerminal(r, { color: false, width: 60, ascii: true, verbose: true });
  assert.ok(!/[▁-█]/.test(ascii));
  assert.match(ascii, /yours {6}#-_ {2}4 → 1/);
  assert.ok(ascii.includes("~ one curve"));
});
