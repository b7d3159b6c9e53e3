import assert from "node:assert/strict";
import { parseWorkerArgv, workerArgv } from "./protocol.ts";

Deno.test("worker arguments: read back as written; missing or malformed ones are refused", () => {
  const args = { socketPath: "/s/sockets/3", outputLimit: 20000, maxReplyChars: 1000 };
  assert.deepEqual(parseWorkerArgv(workerArgv(args)), args);
  assert.throws(() => parseWorkerArgv([]), /socket path, an output limit and a reply limit/);
  assert.throws(
    () => parseWorkerArgv(["/s/sockets/3"]),
    /socket path, an output limit and a reply limit/,
  );
  assert.throws(
    () => parseWorkerArgv(["/s/sockets/3", "lots"]),
    /socket path, an output limit and a reply limit/,
  );
});
