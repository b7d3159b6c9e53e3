/**
 * The sandboxed process's main module: the only code of the process that holds the grader's
 * socket. Learner code never runs here. It runs in a Web Worker (`worker.ts`, the harness), a
 * realm of its own with its own resource table, which this module starts once connected and
 * talks to over a private `MessageChannel`:
 *
 * - it connects to the grader's socket and revokes the permissions that took (read, write and
 *   net on the socket's path) **before** it starts the Worker, which therefore inherits only
 *   read permission on the staged files, `lib/` and the harness's own modules;
 * - it forwards each request line to the harness, and checks every line the harness sends back
 *   before it writes it to the socket: a line no longer than the reply limit, a started line
 *   for the next request sent and none other, a reply for the request started and none other
 *   (see {@linkcode HostProtocol}). Anything else ends the process with a message on stderr,
 *   which the grader reports as a crash of the exercise whose call was running;
 * - it ends the process when the socket closes (the grader is done, or was killed, even with
 *   SIGKILL) or when the harness dies, whatever code the Worker is running: the process's exit
 *   stops every thread, and this realm has no `unload` listener that could hold it.
 *
 * @module
 */

import { parseWorkerArgv } from "./protocol.ts";

const textEncoder = new TextEncoder();

/** Writes a line to stderr and ends the process with `code`, at once. */
function die(message: string, code: number): never {
  try {
    Deno.stderr.writeSync(textEncoder.encode(`gradkit sandbox worker failed: ${message}\n`));
  } finally {
    Deno.exit(code);
  }
}

/**
 * The id a request or reply line starts with: the grader writes `{"id":N,` first, and so does the
 * harness. Undefined when the line does not start that way. Reads at most 24 characters.
 */
export function leadingId(line: string): number | undefined {
  const prefix = '{"id":';
  if (!line.startsWith(prefix)) return undefined;
  let id = 0;
  let i = prefix.length;
  for (; i < line.length && i < prefix.length + 16; i++) {
    const c = line.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    id = id * 10 + c;
  }
  return i > prefix.length && line[i] === "," ? id : undefined;
}

/**
 * What the host lets through from the harness. Requests are answered one at a time, in the
 * order sent: the harness may announce only the oldest request not yet started, and reply only
 * to the one it announced. {@linkcode HostProtocol.fromHarness} returns the line to forward, or
 * throws with the reason the line is refused.
 */
export class HostProtocol {
  readonly #maxLine: number;
  /** Ids of requests forwarded to the harness and not started yet, oldest first. */
  readonly #waiting: number[] = [];
  #head = 0;
  #running: number | undefined;

  constructor(maxLine: number) {
    this.#maxLine = maxLine;
  }

  /** Records a request line on its way to the harness; returns whether it had an id. */
  toHarness(line: string): boolean {
    const id = leadingId(line);
    if (id === undefined) return false;
    this.#waiting.push(id);
    return true;
  }

  /** Checks a line from the harness; returns it, or throws why it is refused. */
  fromHarness(line: unknown): string {
    if (typeof line !== "string") {
      const fatal = (line as { fatal?: unknown } | null)?.fatal;
      throw new Error(
        typeof fatal === "string" ? fatal : "the harness sent something other than a line",
      );
    }
    if (line.length > this.#maxLine) {
      throw new Error(
        `the harness sent a line of ${line.length} characters (limit ${this.#maxLine})`,
      );
    }
    if (line.includes("\n")) throw new Error("the harness sent a line with a line break in it");
    if (line.startsWith("started ")) {
      const id = Number(line.slice(8));
      if (this.#running !== undefined || this.#waiting[this.#head] !== id) {
        throw new Error(`the harness announced request ${line.slice(8, 40)} out of turn`);
      }
      this.#head++;
      if (this.#head > 1024) {
        this.#waiting.splice(0, this.#head);
        this.#head = 0;
      }
      this.#running = id;
      return line;
    }
    const id = leadingId(line);
    if (id === undefined || id !== this.#running) {
      throw new Error(`the harness sent a reply to a request it had not started`);
    }
    this.#running = undefined;
    return line;
  }
}

/** The lines `read` returns, until it returns null. Linear in the bytes read. */
async function* lines(read: (into: Uint8Array) => Promise<number | null>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const chunk = new Uint8Array(1 << 16);
  let parts: string[] = [];
  for (;;) {
    const n = await read(chunk);
    if (n === null) return;
    let text = decoder.decode(chunk.subarray(0, n), { stream: true });
    let nl: number;
    while ((nl = text.indexOf("\n")) >= 0) {
      parts.push(text.slice(0, nl));
      yield parts.join("");
      parts = [];
      text = text.slice(nl + 1);
    }
    if (text) parts.push(text);
  }
}

async function main(): Promise<void> {
  const args = parseWorkerArgv(Deno.args);
  const conn = await Deno.connect({ transport: "unix", path: args.socketPath });
  Deno.permissions.revokeSync({ name: "net" });
  Deno.permissions.revokeSync({ name: "write" });
  Deno.permissions.revokeSync({ name: "read", path: args.socketPath });

  const protocol = new HostProtocol(args.maxReplyChars);
  const channel = new MessageChannel();
  const harness = new Worker(new URL("./worker.ts", import.meta.url), {
    type: "module",
    name: "gradkit harness",
  });
  harness.addEventListener("error", (e) => {
    e.preventDefault();
    die(`the harness stopped: ${String(e.message).slice(0, 2000)}`, 70);
  });
  harness.postMessage(
    { port: channel.port2, outputLimit: args.outputLimit, maxReplyChars: args.maxReplyChars },
    [channel.port2],
  );

  let writing = Promise.resolve();
  const port = channel.port1;
  port.onmessage = (e: MessageEvent) => {
    let line: string;
    try {
      line = protocol.fromHarness(e.data);
    } catch (error) {
      die((error as Error).message, 71);
    }
    const bytes = textEncoder.encode(line + "\n");
    writing = writing.then(async () => {
      for (let off = 0; off < bytes.length;) off += await conn.write(bytes.subarray(off));
    }).catch(() => Deno.exit(0)); // the grader is gone
  };

  for await (const line of lines((into) => conn.read(into))) {
    if (line === "") continue;
    if (!protocol.toHarness(line)) die("the grader sent a request without an id", 70);
    port.postMessage(line);
  }
}

if (import.meta.main) {
  try {
    await main();
  } catch (e) {
    die(e instanceof Error ? e.message : String(e), 70);
  }
  // The grader closed the socket (it is done, or gone): end now, whatever the harness runs.
  Deno.exit(0);
}
