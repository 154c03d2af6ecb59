/**
 * The frontmatter key prefilter: skipping the YAML parse must never change the value of a wanted
 * key. Property tests compare it with the full parse (`yaml`, as the disk vault parses) over
 * random YAML-ish frontmatter: quoted keys, comments, block scalars, flow maps, anchors, tags,
 * merge keys, directives, indentation, odd line breaks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DiskVault, parseFrontmatter } from "../src/cli/disk-vault";
import { mayHoldKeys, prefilterableKey } from "../src/cli/frontmatter-keys";
import { cleanup, makeVault } from "./cli-helpers";

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

const KEYS = [
	"title",
	"order",
	"category",
	"Title",
	"titles",
	"first release",
	"index-group",
	"t",
	"a",
	"constructor",
	"1",
	"true",
	"ti tle",
	"ti'tle",
] as const;

const keyName = fc.constantFrom(...KEYS);
/** A key as written in YAML: plain, quoted, escaped, with odd spacing. */
const keyForm = fc.oneof(
	keyName,
	keyName.map((k) => `"${k}"`),
	keyName.map((k) => `'${k.replace(/'/g, "''")}'`),
	keyName.map((k) => `"${k.replace(/t/g, "\\x74")}"`),
	keyName.map((k) => `"${k.replace(/t/g, "\\t")}"`),
	keyName.map((k) => `${k} `),
	keyName.map((k) => `${k}\t`),
	keyName.map((k) => `${k}#x`),
	keyName.map((k) => `-${k}`),
	keyName.map((k) => `&anchor ${k}`),
	keyName.map((k) => `!!str ${k}`),
	keyName.map((k) => `? ${k}`),
	keyName.map((k) => `\uFEFF${k}`),
	keyName.map((k) => `\u00a0${k}`),
	fc.constantFrom("<<", "*anchor ", "0x1", "1.0", "~", "null", "TRUE"),
);
const scalar = fc.constantFrom(
	"x",
	"1",
	"2.5",
	"true",
	"null",
	"~",
	'"q: r"',
	"'q # r'",
	"[a, b]",
	"{title: 1, order: 2}",
	"{",
	"[x",
	"&anchor v",
	"*anchor",
	"!!str v",
	"|",
	">-",
	"# c",
	"",
	"title: x",
	"'unclosed",
	'"a\\"b"',
	"2026-11-24",
	"[[Link]]",
);
const indent = fc.constantFrom("", "", "", " ", "  ", "\t", "   ");

const clean = fc.constantFrom("x", "1", "Some words", "'quoted'", '"double"', "[a, b]", "2026-11-24", "true", "");
const line = fc.oneof(
	{ weight: 14, arbitrary: fc.tuple(keyName, clean).map(([k, v]) => `${k}: ${v}`) },
	{
		weight: 3,
		arbitrary: fc
			.tuple(keyName, fc.constantFrom("|", ">-", ""), keyName)
			.map(([k, indicator, inner]) => `${k}: ${indicator}\n  ${inner}: inside a block or nested map\n  more`),
	},
	{
		weight: 6,
		arbitrary: fc
			.tuple(indent, keyForm, fc.constantFrom(":", ":", ": ", " : ", ":\t", "::"), scalar)
			.map(([i, k, c, v]) => `${i}${k}${c}${v}`),
	},
	{ weight: 2, arbitrary: fc.tuple(indent, keyName).map(([i, k]) => `${i}# ${k}: commented`) },
	{ weight: 2, arbitrary: fc.tuple(fc.constantFrom("  ", "    ", "\t"), keyName, scalar).map(([i, k, v]) => `${i}${k}: ${v}`) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom("- ", "  - ", "-"), keyName).map(([d, k]) => `${d}${k}: x`) },
	{ weight: 1, arbitrary: keyName.map((k) => `{${k}: x}`) },
	{ weight: 1, arbitrary: keyName.map((k) => `[${k}]`) },
	{ weight: 1, arbitrary: keyName.map((k) => `<<: {${k}: merged}`) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			"%YAML 1.1",
			"---",
			"...",
			"--- title: x",
			"base: &anchor {title: anchored}",
			"<<: *anchor",
			": value",
			"",
			"   ",
			"#",
		),
	},
);
const lineBreak = fc.oneof(
	{ weight: 12, arbitrary: fc.constant("\n") },
	{ weight: 1, arbitrary: fc.constantFrom("\r\n", "\r", "\u2028", "\u0085") },
);

/** Anything goes: mostly invalid YAML, to probe the line reading. */
const chaotic = fc.array(fc.tuple(line, lineBreak), { maxLength: 8 }).map((lines) => lines.map(([l, b]) => l + b).join(""));

/** Valid YAML spelling a (maybe wanted) key in one unusual way, among ordinary properties. */
const special = fc.oneof(
	keyName.map((k) => `"${k.replace(/t/g, "\\x74")}": escaped`),
	keyName.map((k) => `"${k.replace(/t/g, "\\u0074")}": escaped`),
	keyName.map((k) => `'${k.replace(/'/g, "''")}': single`),
	keyName.map((k) => `"${k}" : spaced`),
	keyName.map((k) => `&anchor ${k}: anchored`),
	keyName.map((k) => `!!str ${k}: tagged`),
	keyName.map((k) => `? ${k}\n: explicit`),
	keyName.map((k) => `? |\n  ${k}\n: block key`),
	keyName.map((k) => `${k} : spaced`),
	keyName.map((k) => `${k}:`),
	keyName.map((k) => `${k}: |\n  ${k}: inside\n`),
	keyName.map((k) => `# ${k}: comment`),
	keyName.map((k) => `x: &a {${k}: 1}\n? *a\n: alias key`),
	keyName.map((k) => `<<: {${k}: merged}`),
	keyName.map((k) => `${k}: [a,\n  b]`),
	keyName.map((k) => `nested:\n  ${k}: deep`),
);
const structured = fc
	.tuple(
		fc.constantFrom("", "", "", "\uFEFF", "%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "# comment\n", "\n"),
		fc.array(
			fc.tuple(keyName, clean).map(([k, v]) => `${k}: ${v}`),
			{ maxLength: 5 },
		),
		fc.option(special, { nil: null }),
		fc.nat(5),
		fc.constantFrom("", "", "", "  ", " "),
		fc.constantFrom("\n", "\n", "\r\n", "\r", "\u2028", "\u0085"),
	)
	.map(([prefix, lines, odd, at, indentAll, brk]) => {
		const all = [...lines];
		if (odd !== null) all.splice(Math.min(at, all.length), 0, odd);
		const body = all
			.join("\n")
			.split("\n")
			.map((l) => indentAll + l)
			.join(brk);
		return prefix + body + (body === "" ? "" : brk);
	});
/** A flow mapping as the whole frontmatter, on one line or several. */
const flow = fc
	.tuple(fc.uniqueArray(keyName, { minLength: 1, maxLength: 3 }), fc.constantFrom(", ", ",\n  "), fc.constantFrom("", "  "))
	.map(([keys, sep, pre]) => `${pre}{${keys.map((k) => `${k}: v`).join(sep)}}\n`);

/** YAML 1.1 merge keys (`<<`) bring in keys from another mapping. */
const merge = fc
	.tuple(keyName, fc.constantFrom("<<: {K: merged}", "base: &b {K: merged}\n<<: *b", "<<: [{K: merged}]"))
	.map(([k, m]) => `%YAML 1.1\n---\na: 1\n${m.replace("K", k)}\n`);

const source = fc.oneof(
	{ weight: 8, arbitrary: structured },
	{ weight: 3, arbitrary: chaotic },
	{ weight: 1, arbitrary: flow },
	{ weight: 1, arbitrary: merge },
);
const wanted = fc.uniqueArray(keyName, { minLength: 1, maxLength: 4 }).map((keys) => new Set<string>(keys));

/** The value of `key` in the full parse (what the disk vault gives without the prefilter). */
function parsedValue(yaml: string, key: string): unknown {
	const data = parseFrontmatter(yaml).data;
	return data === null ? undefined : data[key];
}

describe("mayHoldKeys", () => {
	it("never says no when the full parse has a wanted key (random YAML-ish frontmatter)", () => {
		let skipped = 0;
		let held = 0;
		fc.assert(
			fc.property(source, wanted, (yaml, keys) => {
				const may = mayHoldKeys(yaml, keys);
				const values = [...keys].map((k) => parsedValue(yaml, k));
				if (values.some((v) => v !== undefined)) held++;
				if (!may) {
					skipped++;
					// Skipping answers "no frontmatter": the same value for every wanted key.
					for (const [i, k] of [...keys].entries()) expect(values[i], `${JSON.stringify(yaml)} / ${k}`).toBeUndefined();
				}
			}),
			{ numRuns: 4000 },
		);
		// The generator reaches both sides: notes skipped, and notes holding a wanted key.
		expect(skipped).toBeGreaterThan(400);
		expect(held).toBeGreaterThan(600);
	});

	it("finds plain and quoted top-level keys, and skips what cannot hold them", () => {
		const keys = new Set(["title"]);
		for (const yes of [
			"title: A",
			"a: 1\ntitle: A",
			'"title": A',
			"'title' : A",
			"title:A",
			"title\t: A",
			"  title: A",
			"\uFEFFtitle: A",
			"a: 1\r\ntitle: A",
			"a: 1\u2028title: A",
		]) {
			expect(mayHoldKeys(yes, keys), JSON.stringify(yes)).toBe(true);
		}
		for (const unsure of [
			"{title: A}",
			"? title\n: A",
			"&a title: A",
			'"ti\\x74le": A',
			"<<: {title: A}",
			"%YAML 1.1\n---\n",
			"'unclosed: A",
		]) {
			expect(mayHoldKeys(unsure, keys), JSON.stringify(unsure)).toBe(true);
		}
		for (const no of [
			"",
			"type: framework\norder: 1",
			"# title: A",
			"titles: A",
			"subtitle: A",
			"a: |\n  text",
			"tags:\n- title",
			"'it''s': A",
			"-title: A",
		]) {
			expect(mayHoldKeys(no, keys), JSON.stringify(no)).toBe(false);
		}
	});

	it("always parses for keys it cannot look for safely", () => {
		for (const key of ["1", "true", "NULL", "constructor", "__proto__", "a: b", " title", "title ", "#x", ""]) {
			expect(prefilterableKey(key), key).toBe(false);
			expect(mayHoldKeys("other: 1", new Set([key])), key).toBe(true);
		}
		for (const key of ["title", "first release", "index-group", "Título", "a.b", "a/b", "_x"])
			expect(prefilterableKey(key), key).toBe(true);
	});
});

describe("DiskVault.limitFrontmatterKeys", () => {
	it("gives the full parse's value for every announced key, also after the set is widened", () => {
		const root = makeVault({});
		dirs.push(root);
		let n = 0;
		fc.assert(
			fc.property(fc.array(source, { minLength: 1, maxLength: 5 }), wanted, wanted, (yamls, first, more) => {
				const folder = `run${n++}`;
				fs.mkdirSync(path.join(root, folder));
				yamls.forEach((yaml, i) => fs.writeFileSync(path.join(root, folder, `n${i}.md`), `---\n${yaml}\n---\nbody\n`));
				const full = DiskVault.load(root);
				const limited = DiskVault.load(root);
				const paths = yamls.map((_, i) => `${folder}/n${i}.md`);
				const value = (v: DiskVault, p: string, k: string): unknown => v.frontmatter(p)?.[k];
				limited.limitFrontmatterKeys(first);
				for (const p of paths) for (const k of first) expect(value(limited, p, k)).toEqual(value(full, p, k));
				const widened = new Set([...first, ...more]);
				limited.limitFrontmatterKeys(widened);
				for (const p of paths) for (const k of widened) expect(value(limited, p, k)).toEqual(value(full, p, k));
				limited.limitFrontmatterKeys(null);
				for (const p of paths) {
					expect(limited.frontmatter(p)).toEqual(full.frontmatter(p));
					expect(limited.frontmatterError(p)).toEqual(full.frontmatterError(p));
				}
			}),
			{ numRuns: 150 },
		);
	});

	it("does not parse notes that cannot hold an announced key", () => {
		const root = makeVault({
			"A.md": "---\ntype: framework\ntitle: [unclosed\n---\n",
			"B.md": "---\ntype: framework\nbad: [unclosed\n---\n",
		});
		dirs.push(root);
		const vault = DiskVault.load(root);
		vault.limitFrontmatterKeys(["title"]);
		// B's YAML is invalid, but it holds no title: not parsed, so no error is even looked for.
		expect(vault.frontmatter("B.md")).toBeNull();
		expect(vault.frontmatter("A.md")).toBeNull();
		// Errors are always exact.
		expect(vault.frontmatterError("B.md")).toMatch(/invalid YAML/);
		vault.limitFrontmatterKeys(null);
		expect(vault.frontmatter("B.md")).toBeNull();
		const ok = makeVault({ "C.md": "---\ntype: framework\n---\n" });
		dirs.push(ok);
		const c = DiskVault.load(ok);
		c.limitFrontmatterKeys(["title"]);
		expect(c.frontmatter("C.md")).toBeNull();
		c.limitFrontmatterKeys(["type"]);
		expect(c.frontmatter("C.md")).toEqual({ type: "framework" });
	});
});
