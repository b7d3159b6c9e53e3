/**
 * The sandbox's import map: the one file that says what a bare specifier means inside the
 * sandbox (the process starts with `--no-config`, so no `deno.json` of a submission is read).
 * It maps `@gradkit/lib` to the kit's `lib/`, and every Node.js built-in module (`node:fs`,
 * `node:child_process`, ...) to a path that cannot load, so that a `node:` import fails, by
 * design, with a message that names it (see {@linkcode refusedNodeModule}).
 *
 * @module
 */

/**
 * The Node.js built-in modules, as `node:module`'s `builtinModules` lists them in Deno 2.9
 * (a test keeps the list complete). Any other `node:` name is not a module at all.
 */
export const NODE_BUILTINS = [
  "_http_agent",
  "_http_common",
  "_http_outgoing",
  "_http_server",
  "_stream_duplex",
  "_stream_passthrough",
  "_stream_readable",
  "_stream_transform",
  "_stream_writable",
  "_tls_common",
  "_tls_wrap",
  "assert",
  "assert/strict",
  "async_hooks",
  "buffer",
  "child_process",
  "cluster",
  "console",
  "constants",
  "crypto",
  "dgram",
  "diagnostics_channel",
  "dns",
  "dns/promises",
  "domain",
  "events",
  "fs",
  "fs/promises",
  "http",
  "http2",
  "https",
  "inspector",
  "inspector/promises",
  "module",
  "net",
  "os",
  "path",
  "path/posix",
  "path/win32",
  "perf_hooks",
  "process",
  "punycode",
  "querystring",
  "readline",
  "readline/promises",
  "repl",
  "sqlite",
  "stream",
  "stream/consumers",
  "stream/promises",
  "stream/web",
  "string_decoder",
  "sys",
  "test",
  "test/reporters",
  "timers",
  "timers/promises",
  "tls",
  "trace_events",
  "tty",
  "url",
  "util",
  "util/types",
  "v8",
  "vm",
  "wasi",
  "worker_threads",
  "zlib",
] as const;

/** The folder name that refused `node:` modules are mapped into (it never exists). */
export const REFUSED_NODE_DIR = "/node-modules-are-not-allowed-in-an-exercise";

/**
 * The `node:` module named in an error message about a refused import, or undefined: a
 * refused `node:fs` fails to load as `file:///node-modules-are-not-allowed-in-an-exercise/fs`.
 * Reads the message once, from left to right.
 */
export function refusedNodeModule(message: string): string | undefined {
  const at = message.indexOf(REFUSED_NODE_DIR + "/");
  if (at < 0) return undefined;
  let end = at + REFUSED_NODE_DIR.length + 1;
  const from = end;
  while (end < message.length && end - from < 64 && /[a-z0-9_/]/.test(message[end])) end++;
  return `node:${message.slice(from, end)}`;
}

/** The import map's JSON for a sandbox whose `lib/` is at `libUrl` (a `file:` URL ending in /). */
export function sandboxImportMap(libUrl: string): string {
  const imports: Record<string, string> = {
    "@gradkit/lib": `${libUrl}mod.ts`,
    "@gradkit/lib/": libUrl,
  };
  for (const name of NODE_BUILTINS) imports[`node:${name}`] = `file://${REFUSED_NODE_DIR}/${name}`;
  return JSON.stringify({ imports });
}
