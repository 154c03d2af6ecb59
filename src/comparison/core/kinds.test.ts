import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontmatterValue } from "../../../test/kit/arbitraries";
import { makeCell } from "./cells";
import { KINDS, kindCode, kindOf, kindRule, VALUE_KINDS } from "./kinds";
import type { PropertyTypeName } from "./types";

/** The straightforward classification: make the whole cell and read its state or type. */
function kindOfCell(value: unknown, declared: PropertyTypeName | undefined): string {
	const cell = makeCell(value, declared);
	return cell.state === "value" ? cell.type : cell.state;
}

const declaredTypes = fc.constantFrom<PropertyTypeName | undefined>(undefined, ...(KINDS.slice(0, VALUE_KINDS) as PropertyTypeName[]));

/** Characters the fast paths treat specially: blanks (ASCII and beyond), controls, brackets, `\`, DEL, C1. */
const TRICKY_CHARS = [
	" ",
	"\t",
	"\n",
	"\u00a0",
	"\u2028",
	"\ufeff",
	"\u3000",
	"\u0000",
	"\u007f",
	"\u0085",
	"\\",
	"[",
	"]",
	"é",
	"ſ",
	"K",
	"|",
	"#",
	":",
	"/",
];
const trickyChar = fc.constantFrom(...TRICKY_CHARS);
const piece = fc.oneof(fc.string({ maxLength: 4 }), trickyChar, fc.stringMatching(/^[a-z0-9.?=&%-]{0,8}$/));
/** A string around a core: padded or not, a character changed or added at either end. */
const around = (core: fc.Arbitrary<string>): fc.Arbitrary<string> =>
	fc.oneof(
		{ weight: 3, arbitrary: core },
		fc
			.tuple(fc.option(trickyChar, { nil: "" }), core, fc.option(trickyChar, { nil: "" }))
			.map(([before, text, after]) => before + text + after),
	);
/** Text after a scheme: URL characters mixed with the tricky ones. */
const urlRest = fc.string({ unit: fc.oneof(trickyChar, fc.constantFrom(..."abz09./?=&%-@")), maxLength: 6 });

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
const dateLike = fc
	.tuple(digits(4), fc.constantFrom("-", "/", ""), digits(2), fc.constantFrom("-", "."), digits(2))
	.map(([y, a, m, b, d]) => `${y}${a}${m}${b}${d}`);
const datetimeLike = fc
	.tuple(
		dateLike,
		fc.constantFrom("T", " ", "t"),
		digits(2),
		digits(2),
		fc.constantFrom("", ":30", ":61", ".5", ":00.123"),
		fc.constantFrom("", "Z", "+02:00", "-0530", "+24:00"),
	)
	.map(([day, sep, h, m, rest, zone]) => `${day}${sep}${h}:${m}${rest}${zone}`);
const SCHEMES = ["http://", "https://", "mailto:", "obsidian://", "javascript:", "ftp://"];
/** A scheme as written, sometimes with one character's case bit flipped (`H`, but also `:` → `\x1a`). */
const scheme = fc.tuple(fc.constantFrom(...SCHEMES), fc.nat(), fc.boolean()).map(([text, at, flip]) => {
	if (!flip) return text;
	const i = at % text.length;
	return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 32) + text.slice(i + 1);
});
const urlLike = fc
	.tuple(fc.oneof(scheme, fc.constantFrom("http:/", "https//", "ſttps://", "h", "m", "o")), urlRest)
	.map(([start, rest]) => start + rest);
const linkLike = fc
	.tuple(fc.constantFrom("[[", "[[", "[", "[[[", ""), fc.array(piece, { maxLength: 2 }), fc.constantFrom("]]", "]]", "]", "]]]", ""))
	.map(([open, inner, close]) => open + inner.join("") + close);
/** A link, alone or with blanks around it (still one link), in one piece or not. */
const paddedLink = fc
	.tuple(fc.constantFrom("", " ", "\t", "\u00a0", "x"), linkLike, fc.constantFrom("", " ", "\n", "\u3000", "]"))
	.map(([before, link, after]) => before + link + after);
const shapedString = around(
	fc.oneof(
		dateLike,
		datetimeLike,
		{ weight: 3, arbitrary: urlLike },
		linkLike,
		paddedLink,
		fc.constantFrom("#tag", "tag", "a, b c", "MIT", "mixed"),
		fc.oneof(fc.integer(), fc.double()).map(String),
		fc.constant(""),
		fc.string(),
	),
);
const shapedValue: fc.Arbitrary<unknown> = fc.oneof(
	shapedString,
	frontmatterValue(2),
	fc.constantFrom(null, undefined, Infinity, -Infinity, NaN, 0, -0, 1n, new Date(0), new Date(3_600_000), new Date(Number.NaN)),
	fc.array(fc.oneof(shapedString, fc.constant(null), fc.constant(undefined), fc.integer()), { maxLength: 4 }),
	fc.array(fc.oneof(linkLike, paddedLink), { minLength: 1, maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 3 }), shapedString, { maxKeys: 2 }),
);

describe("kind of a frontmatter value", () => {
	it("is the state or type of the cell makeCell makes, for every value and declared type", () => {
		fc.assert(
			fc.property(shapedValue, declaredTypes, (value, declared) => {
				const expected = value === undefined ? "absent" : kindOfCell(value, declared);
				expect(KINDS[kindCode(value, kindRule(declared))]).toBe(expected);
				expect(kindOf(value, declared)).toBe(expected);
			}),
			{ numRuns: 20_000 },
		);
	});

	it("reads dates, date-times, URLs and links by their shape", () => {
		const kinds = (values: readonly unknown[], declared?: PropertyTypeName) => values.map((v) => kindOf(v, declared));
		expect(kinds(["2024-02-29", "2023-02-29", "2024-01-15T10:00", "2024-01-15 10:00:00Z", "2024-01-15T25:00", "1999"])).toEqual([
			"date",
			"text",
			"datetime",
			"datetime",
			"text",
			"text",
		]);
		expect(kinds(["https://a.example/x", " http://b.example ", "HTTPS://C.example", "mailto:a@b.c", "obsidian://open?x=1"])).toEqual(
			Array(5).fill("url"),
		);
		expect(kinds(["javascript:alert(1)", "https://", "https://a b", "https://a\\b", "MIT", "mailto"])).toEqual(Array(6).fill("text"));
		expect(kinds([["[[A]]", " [[B|b]] "], ["[[A]]", "[[B]] [[C]]"], ["[[A]]"]])).toEqual(["links", "list", "links"]);
		expect(kinds([["[[A]]"], "[[A]]", "x"], "tags")).toEqual(["tags", "tags", "tags"]);
		expect(kinds(["[[A]]", "x", ["[[A]]"]], "links")).toEqual(["links", "list", "links"]);
		expect(kinds(["", [], null, undefined, 1, Infinity, true, 1n, { a: 1 }])).toEqual([
			"empty",
			"empty",
			"null",
			"absent",
			"number",
			"text",
			"checkbox",
			"number",
			"object",
		]);
	});
});
