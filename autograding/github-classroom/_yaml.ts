/**
 * A reader of the few YAML forms the example workflow uses, for the kit's tests: block
 * mappings, block sequences (of scalars or mappings, `- key: value` included), plain and quoted
 * scalars, literal block scalars (`|`, `|-`), empty values and comments. Every scalar is read as
 * a string (`false`, `22` included) and an empty value as `null`. Anything else (flow
 * collections, anchors, aliases, tags, folded scalars, several documents, tabs in indentation)
 * is refused with the line it is on, so the workflow cannot drift into a form this reader
 * misreads without a test saying so.
 *
 * @module
 */

/** What a YAML document reads as here. */
export type Yaml = string | null | Yaml[] | { [key: string]: Yaml };

/** The document holds a form this reader does not take, or is malformed. */
export class YamlError extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "YamlError";
  }
}

interface Line {
  /** 1-based, for messages. */
  no: number;
  indent: number;
  text: string;
}

/** `key:` or `key: value` at the start of `text`: the key and the rest, or undefined. */
function keyOf(text: string): { key: string; rest: string } | undefined {
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.\-/ ]*?|"[^"\\]*"|'[^']*'):(?: +(.*))?$/.exec(text);
  if (!m) return undefined;
  const key = /^["']/.test(m[1]) ? m[1].slice(1, -1) : m[1];
  return { key, rest: m[2] ?? "" };
}

/** Reads a scalar written on one line (a trailing comment removed). */
function scalar(text: string, no: number): string | null {
  if (/^[[{&*!>%@`]/.test(text) || text === "---") {
    throw new YamlError(no, `a form this reader does not take: ${text}`);
  }
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(text);
    if (!m) throw new YamlError(no, `an unclosed double-quoted scalar: ${text}`);
    return m[1].replace(/\\(.)/g, (_, c: string) => {
      const escapes: Record<string, string> = { n: "\n", t: "\t", '"': '"', "\\": "\\", "/": "/" };
      if (!(c in escapes)) throw new YamlError(no, `an escape this reader does not take: \\${c}`);
      return escapes[c];
    });
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(text);
    if (!m) throw new YamlError(no, `an unclosed single-quoted scalar: ${text}`);
    return m[1].replace(/''/g, "'");
  }
  const plain = text.replace(/(^|\s)#.*$/, "").trimEnd();
  if (plain === "" || plain === "~" || plain === "null") return null;
  if (/: |:$/.test(plain)) throw new YamlError(no, `": " in a plain scalar: quote it (${plain})`);
  return plain;
}

/** Reads `source` (see the module's doc). Throws {@linkcode YamlError}. */
export function readYaml(source: string): Yaml {
  const raw = source.split("\n");
  const lines: Line[] = [];
  // Keeps blank and comment lines out, except inside a block scalar (read from `raw`).
  const all: (Line | undefined)[] = raw.map((text, i) => {
    const m = /^( *)(.*)$/.exec(text)!;
    if (/^\t/.test(m[2]) && m[2].trim() !== "") {
      throw new YamlError(i + 1, "a tab in the indentation");
    }
    const body = m[2].trimEnd();
    if (body === "" || body.startsWith("#")) return undefined;
    return { no: i + 1, indent: m[1].length, text: body };
  });
  for (const l of all) if (l) lines.push(l);
  let at = 0;

  function blockScalar(header: string, parentIndent: number, no: number): string {
    if (!/^\|-?\s*(#.*)?$/.test(header)) {
      throw new YamlError(no, `a block scalar header this reader does not take: ${header}`);
    }
    const out: string[] = [];
    let indent = -1;
    let i = no; // the raw line after the header (0-based index no)
    for (; i < raw.length; i++) {
      const text = raw[i];
      if (text.trim() === "") {
        out.push("");
        continue;
      }
      const lead = /^ */.exec(text)![0].length;
      if (indent < 0) {
        if (lead <= parentIndent) break;
        indent = lead;
      }
      if (lead < indent) break;
      out.push(text.slice(indent));
    }
    while (out.length && out[out.length - 1] === "") out.pop();
    while (at < lines.length && lines[at].no <= i) at++;
    const body = out.join("\n");
    return header.startsWith("|-") || body === "" ? body : body + "\n";
  }

  /** The value after `key:` (or `- `) on line `line`, whose block lies deeper than `indent`. */
  function valueAfter(rest: string, line: Line, indent: number): Yaml {
    if (rest.startsWith("|")) return blockScalar(rest, indent, line.no);
    if (rest !== "" && !rest.startsWith("#")) return scalar(rest, line.no);
    const next = lines[at];
    if (!next) return null;
    if (next.indent > indent) return block(next.indent);
    // A sequence may sit at its key's own indentation.
    if (next.indent === indent && /^-( |$)/.test(next.text)) return sequence(indent);
    return null;
  }

  function mapping(indent: number): { [key: string]: Yaml } {
    const out: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at].indent === indent && !/^-( |$)/.test(lines[at].text)) {
      const line = lines[at];
      const kv = keyOf(line.text);
      if (!kv) throw new YamlError(line.no, `expected "key: value", got: ${line.text}`);
      if (kv.key in out) throw new YamlError(line.no, `the key "${kv.key}" twice`);
      at++;
      out[kv.key] = valueAfter(kv.rest, line, indent);
    }
    if (at < lines.length && lines[at].indent > indent) {
      throw new YamlError(lines[at].no, `unexpected indentation: ${lines[at].text}`);
    }
    return out;
  }

  function sequence(indent: number): Yaml[] {
    const out: Yaml[] = [];
    while (at < lines.length && lines[at].indent === indent && /^-( |$)/.test(lines[at].text)) {
      const line = lines[at];
      const item = line.text.slice(1).replace(/^ +/, "");
      const itemIndent = indent + (line.text.length - item.length);
      if (item === "") {
        at++;
        out.push(valueAfter("", line, indent));
      } else if (keyOf(item)) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        lines[at] = { no: line.no, indent: itemIndent, text: item };
        out.push(mapping(itemIndent));
      } else {
        at++;
        out.push(item.startsWith("|") ? blockScalar(item, indent, line.no) : scalar(item, line.no));
      }
    }
    return out;
  }

  function block(indent: number): Yaml {
    return /^-( |$)/.test(lines[at].text) ? sequence(indent) : mapping(indent);
  }

  if (lines.length === 0) return null;
  if (lines[0].indent !== 0) throw new YamlError(lines[0].no, "the document is indented");
  const doc = block(0);
  if (at < lines.length) {
    throw new YamlError(lines[at].no, `unexpected indentation: ${lines[at].text}`);
  }
  return doc;
}
