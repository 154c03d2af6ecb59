import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "./frontmatter-parse";
import { readSimpleFrontmatter } from "./fast-yaml";

/** What the `yaml` library answers, bypassing the fast reader. */
function library(source: string): unknown {
	return parseFrontmatter(source, { fast: false });
}

const KEYS = [
	"title",
	"type",
	"first release",
	"x-y",
	"a.b",
	"_k",
	"true",
	"Null",
	"é",
	"__proto__",
	"constructor",
	"1a",
	"key ",
	" key",
	"k:",
];
const SCALARS = [
	"Django",
	"A web framework, for Python",
	"1.0.3",
	"0x1F",
	"0x1g",
	"0o17",
	"0o18",
	"017",
	"+5",
	"-5",
	"-0",
	"0",
	"12345678901234567890",
	".5",
	"5.",
	"1e3",
	"1.5E-2",
	".inf",
	"-.Inf",
	".NaN",
	".nan",
	"~",
	"null",
	"Null",
	"NULL",
	"nULL",
	"true",
	"True",
	"TRUE",
	"tRUE",
	"yes",
	"off",
	"2024-01-05",
	"12:30",
	"a: b",
	"a:b",
	"a :b",
	"a:",
	"a #b",
	"C#",
	"a # b",
	"'q'",
	"'it''s'",
	"'a\\b'",
	'"q"',
	'"a\\nb"',
	'"a # b"',
	'"x" y',
	"[]",
	"[a]",
	"{}",
	"{a: 1}",
	"- x",
	"-x",
	": x",
	"? x",
	"@x",
	"`x`",
	"%x",
	"!x",
	"!!str 5",
	"&a x",
	"*a",
	"|",
	">",
	"a,b",
	"a{b}",
	"a[b]",
	"...",
	"---",
	"emoji ✨",
	"tab\there",
	"lone \ud800 surrogate",
	"a  b",
	"no-break\u00a0space",
	"wide\u3000space",
	"trailing no-break\u00a0",
	"https://example.com/a?b=c#d",
	"[[Flask]]",
	"",
];
const SPACES = ["", " ", "  ", "\t", "\u00a0", " \u2003"];

/** A line of a frontmatter source, from pieces that are valid, nearly valid, and not valid. */
const line = fc.oneof(
	fc
		.tuple(fc.constantFrom(...KEYS), fc.constantFrom(":", ": ", ":  ", " : "), fc.constantFrom(...SCALARS), fc.constantFrom(...SPACES))
		.map((p) => p.join("")),
	fc
		.tuple(fc.constantFrom("", " ", "  ", "    ", "\t"), fc.constantFrom("- ", "-", "-  "), fc.constantFrom(...SCALARS))
		.map((p) => p.join("")),
	fc.tuple(fc.constantFrom(...KEYS), fc.constant(":")).map((p) => p.join("")),
	fc.constantFrom(
		"",
		"   ",
		"# comment",
		"  # indented comment",
		"  continued",
		"%YAML 1.2",
		"key: a # c",
		"key:\r",
		"a\rb: c",
		"\u00a0key: x",
		"k\u00a0: x",
		"key:\u00a0x",
	),
);

const anySource = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n")).map(([lines, eol]) => lines.join(eol));

/** Sources made of well-formed lines (plain keys, one space), so most are ones the reader takes. */
const GOOD_KEYS = ["title", "type", "first release", "x-y", "a.b", "_k", "é", "k2"];
const goodEntry = fc.oneof(
	fc.tuple(fc.constantFrom(...GOOD_KEYS), fc.constantFrom(...SCALARS)).map(([k, v]) => [`${k}: ${v}`]),
	fc
		.tuple(fc.constantFrom(...GOOD_KEYS), fc.constantFrom("", "  "), fc.array(fc.constantFrom(...SCALARS), { maxLength: 3 }))
		.map(([k, pad, items]) => [`${k}:`, ...items.map((item) => `${pad}- ${item}`)]),
	fc.constantFrom(["# comment"], [""], ["  # indented comment"]),
);
const goodSource = fc
	.tuple(fc.array(goodEntry, { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"))
	.map(([entries, eol]) => entries.flat().join(eol));

const source = fc.oneof(anySource, goodSource);

describe("the fast frontmatter reader", () => {
	it("answers exactly what the yaml library answers, whenever it answers", () => {
		let answered = 0;
		fc.assert(
			fc.property(source, (text) => {
				const fast = readSimpleFrontmatter(text);
				if (fast === undefined) return;
				answered++;
				expect({ data: fast, error: null }).toEqual(library(text));
			}),
			{ numRuns: 20_000 },
		);
		// The property above must not hold only because the reader declines everything.
		expect(answered).toBeGreaterThan(1_000);
	});

	it("reads the frontmatter framework notes have", () => {
		const text = [
			"type: framework",
			"title: Framework 1-2-3",
			"category: Full-stack",
			"language: Python",
			"license: BSD-3-Clause",
			"first_release: 2005",
			"latest_version: 5.0.1",
			"website: https://www.djangoproject.com/",
			"stars: 81000",
			"archived: false",
			"async:",
			"tags:",
			"  - framework",
			"  - web",
			"aliases: []",
			"# a comment",
			"summary: A high-level Python web framework that encourages rapid development.",
		].join("\n");
		const fast = readSimpleFrontmatter(text);
		expect(fast).toEqual({
			type: "framework",
			title: "Framework 1-2-3",
			category: "Full-stack",
			language: "Python",
			license: "BSD-3-Clause",
			first_release: 2005,
			latest_version: "5.0.1",
			website: "https://www.djangoproject.com/",
			stars: 81000,
			archived: false,
			async: null,
			tags: ["framework", "web"],
			aliases: [],
			summary: "A high-level Python web framework that encourages rapid development.",
		});
		expect({ data: fast, error: null }).toEqual(library(text));
	});

	it("reads each note's own keys when notes list keys of the same length in other orders", () => {
		expect(readSimpleFrontmatter("ab: 1\ncd: 2\n")).toEqual({ ab: 1, cd: 2 });
		expect(readSimpleFrontmatter("cd: 3\nab: 4\n")).toEqual({ cd: 3, ab: 4 });
		expect(readSimpleFrontmatter("cd: 5\ncd: 6\n")).toBeUndefined();
		expect(readSimpleFrontmatter("ab: 7\n")).toEqual({ ab: 7 });
	});

	it("declines what it does not fully understand", () => {
		for (const text of [
			"a: [1, 2]",
			"a: |\n  x",
			"a: b # c",
			"a: 'it''s'",
			"a:\n  b: 1",
			"- x",
			"a: 1\na: 2",
			"__proto__: x",
			'a: "\\u0041"',
			"a:\tb",
			"a: b\u00a0",
			"a: b\r",
		]) {
			expect(readSimpleFrontmatter(text), text).toBeUndefined();
		}
	});

	it("reads a long hostile line in linear time (no backtracking)", () => {
		const text = `a: ${"x: ".repeat(50_000)}`;
		expect(readSimpleFrontmatter(text)).toBeUndefined();
		expect(readSimpleFrontmatter(`k: ${"a ".repeat(100_000)}b`)).toEqual({ k: `${"a ".repeat(100_000)}b` });
	});
});
