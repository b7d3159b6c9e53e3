import assert from "node:assert/strict";
import { fixtureReport, NASTY, SECRET_NONCE } from "./_fixture.ts";
import { renderJunit, xmlAttr, xmlChars, xmlText } from "./junit.ts";

/** An element of a parsed document. */
interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

/** A character XML 1.0 allows (its `Char` production). */
function xmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const NAME = /[A-Za-z_:][\w.:-]*/y;

/**
 * A strict parser for the XML a JUnit report uses: a declaration, elements, attributes, text
 * and character or predefined entity references (no comments, CDATA, DTD or processing
 * instructions besides the declaration). Throws on anything that is not well-formed XML 1.0.
 */
function parseXml(xml: string): Element {
  for (const c of xml) {
    assert.ok(
      xmlChar(c.codePointAt(0)!),
      `a character XML forbids: U+${c.codePointAt(0)!.toString(16)}`,
    );
  }
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const decl = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  if (!xml.startsWith(decl)) fail("no XML declaration");
  at = decl.length;
  const references = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail("a bare &");
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (Object.hasOwn(named, ref)) return named[ref];
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!m) return fail(`an unknown reference ${whole}`);
      const code = m[1] ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (!xmlChar(code)) fail(`a reference to a character XML forbids: ${whole}`);
      return String.fromCodePoint(code);
    });
  const name = (): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(xml) ?? fail("a name expected");
    at += m[0].length;
    return m[0];
  };
  const space = () => {
    while (/[ \t\r\n]/.test(xml[at] ?? "")) at++;
  };
  const element = (): Element => {
    if (xml[at] !== "<") fail("< expected");
    at++;
    const el: Element = { name: name(), attrs: {}, children: [], text: "" };
    for (;;) {
      const before = at;
      space();
      if (xml.startsWith("/>", at)) {
        at += 2;
        return el;
      }
      if (xml[at] === ">") {
        at++;
        break;
      }
      if (at === before) fail("space expected before an attribute");
      const key = name();
      space();
      if (xml[at++] !== "=") fail("= expected");
      space();
      const quote = xml[at++];
      if (quote !== '"' && quote !== "'") fail("a quoted value expected");
      const end = xml.indexOf(quote, at);
      if (end < 0) fail("an unterminated attribute");
      const raw = xml.slice(at, end);
      if (raw.includes("<")) fail("< in an attribute value");
      if (Object.hasOwn(el.attrs, key)) fail(`attribute ${key} twice`);
      el.attrs[key] = references(raw);
      at = end + 1;
    }
    for (;;) {
      const next = xml.indexOf("<", at);
      if (next < 0) fail(`</${el.name}> missing`);
      const raw = xml.slice(at, next);
      if (raw.includes("]]>")) fail("]]> in text");
      el.text += references(raw);
      at = next;
      if (xml.startsWith("</", at)) {
        at += 2;
        if (name() !== el.name) fail(`</${el.name}> expected`);
        space();
        if (xml[at++] !== ">") fail("> expected");
        return el;
      }
      if (xml.startsWith("<!", at) || xml.startsWith("<?", at)) fail("markup this parser refuses");
      el.children.push(element());
    }
  };
  const root = element();
  if (xml.slice(at).trim() !== "") fail("content after the root element");
  return root;
}

/** What junit-4.xsd allows: attributes (required ones marked) and children in order. */
const SCHEMA: Record<string, { attrs: string[]; required: string[]; children: string[][] }> = {
  testsuites: {
    attrs: ["name", "time", "tests", "failures", "disabled", "errors"],
    required: [],
    children: [["testsuite"]],
  },
  testsuite: {
    attrs: [
      "name",
      "tests",
      "failures",
      "errors",
      "time",
      "disabled",
      "skipped",
      "timestamp",
      "hostname",
      "id",
      "package",
    ],
    required: ["name", "tests"],
    children: [["properties"], ["testcase"], ["system-out"], ["system-err"]],
  },
  properties: { attrs: [], required: [], children: [["property"]] },
  property: { attrs: ["name", "value"], required: ["name", "value"], children: [] },
  testcase: {
    attrs: ["name", "assertions", "time", "classname", "status"],
    required: ["name"],
    children: [["skipped"], ["error"], ["failure"], ["system-out"], ["system-err"]],
  },
  skipped: { attrs: ["message"], required: [], children: [] },
  error: { attrs: ["message", "type"], required: [], children: [] },
  failure: { attrs: ["message", "type"], required: [], children: [] },
  "system-out": { attrs: [], required: [], children: [] },
  "system-err": { attrs: [], required: [], children: [] },
};

const AT_MOST_ONE = new Set([
  "properties",
  "skipped",
  "testsuite/system-out",
  "testsuite/system-err",
]);
const INTEGER = new Set(["tests", "failures", "errors", "skipped", "disabled", "assertions"]);

/** Checks an element tree against the structure of junit-4.xsd. */
function checkSchema(el: Element, path = el.name): void {
  const rule = SCHEMA[el.name];
  assert.ok(rule, `${path}: an element junit-4.xsd does not have`);
  for (const key of Object.keys(el.attrs)) {
    assert.ok(rule.attrs.includes(key), `${path}: attribute ${key} not in the schema`);
    if (INTEGER.has(key)) assert.match(el.attrs[key], /^\d+$/, `${path}@${key}`);
    if (key === "time") assert.match(el.attrs[key], /^\d+(\.\d+)?$/, `${path}@time`);
  }
  for (const key of rule.required) assert.ok(key in el.attrs, `${path}: ${key} missing`);
  if (rule.children.length === 0) {
    assert.equal(el.children.length, 0, `${path}: holds elements`);
    return;
  }
  assert.equal(el.text.trim(), "", `${path}: text where the schema has elements only`);
  let slot = 0;
  const counts = new Map<string, number>();
  for (const child of el.children) {
    while (slot < rule.children.length && !rule.children[slot].includes(child.name)) slot++;
    assert.ok(slot < rule.children.length, `${path}: <${child.name}> out of order or not allowed`);
    counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
    checkSchema(child, `${path}/${child.name}`);
  }
  for (const [name, n] of counts) {
    if (AT_MOST_ONE.has(name) || AT_MOST_ONE.has(`${el.name}/${name}`)) {
      assert.ok(n <= 1, `${path}: ${n} <${name}>`);
    }
  }
}

Deno.test("junit: well-formed XML matching junit-4.xsd's structure", () => {
  for (const inputs of ["public", "secret"] as const) {
    const root = parseXml(renderJunit(fixtureReport(inputs)));
    assert.equal(root.name, "testsuites");
    checkSchema(root);
  }
});

Deno.test("junit: a testsuite per exercise, a testcase per test, counts that agree", () => {
  const report = fixtureReport();
  const root = parseXml(renderJunit(report));
  assert.deepEqual(root.children.map((s) => s.attrs.name), report.exercises.map((e) => e.id));
  let total = { tests: 0, failures: 0, errors: 0 };
  for (const [i, suite] of root.children.entries()) {
    const e = report.exercises[i];
    const cases = suite.children.filter((c) => c.name === "testcase");
    assert.deepEqual(cases.map((c) => c.attrs.name), e.tests.map((t) => xmlChars(t.name)));
    assert.ok(cases.every((c) => c.attrs.classname === e.id));
    const has = (what: string) => cases.filter((c) => c.children.some((x) => x.name === what));
    assert.equal(Number(suite.attrs.tests), cases.length);
    assert.equal(Number(suite.attrs.failures), has("failure").length);
    assert.equal(Number(suite.attrs.errors), has("error").length);
    assert.equal(Number(suite.attrs.skipped), has("skipped").length);
    assert.equal(Number(suite.attrs.time), e.durationMs / 1000);
    total = {
      tests: total.tests + cases.length,
      failures: total.failures + has("failure").length,
      errors: total.errors + has("error").length,
    };
  }
  assert.equal(Number(root.attrs.tests), total.tests);
  assert.equal(Number(root.attrs.failures), total.failures);
  assert.equal(Number(root.attrs.errors), total.errors);
  assert.equal(Number(root.attrs.time), 10.123);
  // How each status shows.
  const byName = (suite: string, test: string) =>
    root.children.find((s) => s.attrs.name === suite)!.children.find((c) => c.attrs.name === test)!;
  const kid = (suite: string, test: string) => byName(suite, test).children.map((c) => c.name);
  assert.deepEqual(kid("gates", "add"), []);
  assert.deepEqual(kid("mse_loss", xmlChars(`dPred ${NASTY}`)), ["failure"]);
  assert.deepEqual(kid("relu", "forward"), ["skipped"]);
  assert.deepEqual(kid("fork", "one"), ["error"]);
  assert.deepEqual(kid("sigmoid_neuron", "second"), ["error"]);
  assert.deepEqual(kid("sigmoid_neuron", "third"), ["error"]);
  const failure = byName("mse_loss", xmlChars(`dPred ${NASTY}`)).children[0];
  assert.equal(failure.attrs.type, "failed");
  assert.ok(failure.attrs.message.startsWith("dPred: element [0, 1] is 2, expected 1 a | b\n<b>"));
  assert.match(failure.text, /\nnote: note a \| b/);
  assert.match(failure.text, /\nhint: divide by N$/);
  assert.equal(byName("sigmoid_neuron", "second").children[0].attrs.type, "timeout");
  assert.match(byName("fork", "one").children[0].attrs.message, /^not run: 05_fork\.ts has a/);
  const out = root.children[1].children.find((c) => c.name === "system-out")!;
  assert.ok(out.text.startsWith('printed a | b\n<b>bold</b> & ]]> "q"'));
});

Deno.test("junit: learner text escaped, characters XML forbids made visible", () => {
  assert.equal(
    xmlChars("a\x00b\x1bc\ud800d\ufffe\ud83d\ude00\t\n"),
    "a\\x00b\\x1bc\\ud800d\\ufffe\ud83d\ude00\t\n",
  );
  assert.equal(xmlText("<a> & ]]> \r"), "&lt;a&gt; &amp; ]]&gt; &#13;");
  assert.equal(xmlAttr(`"x" 'y'\n\t<`), "&quot;x&quot; &apos;y&apos;&#10;&#9;&lt;");
  const root = parseXml(renderJunit(fixtureReport()));
  const message = root.children[1].children.find((c) =>
    c.name === "testcase" &&
    c.attrs.name.startsWith("dPred")
  )!.children[0].attrs.message;
  // The line break in an attribute survives (as &#10;); the escape and NUL show as text.
  assert.ok(message.includes("a | b\n<b>bold</b> & ]]> \"q\" 'a'"));
  assert.ok(message.includes("\\x1b[2J\\x00\\ud800 end"));
});

Deno.test("junit: the inputs as properties; a secret run shows its nonce", () => {
  const props = (inputs: "public" | "secret") => {
    const root = parseXml(renderJunit(fixtureReport(inputs)));
    const list = root.children[0].children.find((c) => c.name === "properties")!.children;
    return Object.fromEntries(list.map((p) => [p.attrs.name, p.attrs.value]));
  };
  assert.equal(props("public")["gradkit.seed"], "42");
  assert.equal(props("secret")["gradkit.nonce"], SECRET_NONCE);
  assert.equal(props("secret")["gradkit.seed"], undefined);
  assert.equal(props("public")["gradkit.points"], "10");
});

Deno.test("junit: the test's own parser refuses what is not well-formed", () => {
  const decl = `<?xml version="1.0" encoding="UTF-8"?>\n`;
  for (
    const bad of [
      "<a>",
      "<a></b>",
      "<a b='<'/>",
      "<a>&nbsp;</a>",
      "<a>&#0;</a>",
      "<a>\x01</a>",
      "<a x='1' x='2'/>",
      "<a/><b/>",
      "<a>]]></a>",
    ]
  ) {
    assert.throws(() => parseXml(decl + bad), Error, bad);
  }
});
