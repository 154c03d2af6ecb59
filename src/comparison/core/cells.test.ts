import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontmatterValue } from "../../../test/kit/arbitraries";
import { cellIdentity, cellKind, NEEDS_CELL, quickDisplay, quickIdentity } from "./cells";
import { KINDS, VALUE_KINDS } from "./kinds";
import { ABSENT, EMPTY, EMPTY_LIST, NULL, makeCell, mapObsidianType, parsePropertyTypes, parseWikiLinks, safeUrl } from "./index";
import type { Cell, PropertyTypeName, ValueCell } from "./index";

function value(cell: Cell): ValueCell {
	if (cell.state !== "value") throw new Error(`expected a value cell, got ${cell.state}`);
	return cell;
}

describe("cell states", () => {
	it("tells absent, empty and null apart", () => {
		expect(makeCell(undefined)).toBe(ABSENT);
		expect(makeCell(null)).toBe(NULL);
		expect(makeCell("")).toBe(EMPTY);
		expect(makeCell([])).toBe(EMPTY_LIST);
		expect(EMPTY.state).toBe("empty");
		expect(EMPTY_LIST.state).toBe("empty");
		expect(makeCell(" ").state).toBe("value");
		expect(makeCell(0).state).toBe("value");
		expect(makeCell(false).state).toBe("value");
	});
});

describe("type inference", () => {
	it.each([
		[true, "checkbox", "true", 1],
		[false, "checkbox", "false", 0],
		[2005, "number", "2005", 2005],
		[-1.5, "number", "-1.5", -1.5],
		["2026-11-24", "date", "2026-11-24", Date.UTC(2026, 10, 24)],
		["2026-11-24T10:30", "datetime", "2026-11-24T10:30", Date.UTC(2026, 10, 24, 10, 30)],
		["2026-11-24T10:30:00+02:00", "datetime", "2026-11-24T10:30:00+02:00", Date.UTC(2026, 10, 24, 8, 30)],
		["https://www.djangoproject.com", "url", "https://www.djangoproject.com", "https://www.djangoproject.com"],
		["Python", "text", "Python", "Python"],
	] as const)("%j is %s", (raw, type, display, sortKey) => {
		const cell = value(makeCell(raw));
		expect(cell.type).toBe(type);
		expect(cell.display).toBe(display);
		expect(cell.sortKey).toBe(sortKey);
		expect(cell.raw).toBe(raw);
	});

	it("does not take impossible calendar days or odd formats for dates", () => {
		expect(value(makeCell("2026-02-30")).type).toBe("text");
		expect(value(makeCell("2026-13-01")).type).toBe("text");
		expect(value(makeCell("24.11.2026")).type).toBe("text");
		expect(value(makeCell("2026-11-24T25:00")).type).toBe("text");
	});

	it("reads non-finite numbers as text", () => {
		expect(value(makeCell(Number.POSITIVE_INFINITY)).type).toBe("text");
		expect(value(makeCell(Number.NaN)).display).toBe("NaN");
	});

	it("reads Date objects (YAML 1.1 timestamps) as date or datetime", () => {
		const day = value(makeCell(new Date(Date.UTC(2024, 4, 31))));
		expect([day.type, day.display]).toEqual(["date", "2024-05-31"]);
		const moment = value(makeCell(new Date(Date.UTC(2024, 4, 31, 12))));
		expect([moment.type, moment.display]).toEqual(["datetime", "2024-05-31T12:00:00.000Z"]);
	});

	it("reads a list of wikilinks as links, with targets and aliases", () => {
		const cell = value(makeCell(["[[Flask]]", "[[Web/Django|Django]]", "[[Bottle#Routing]]"]));
		expect(cell.type).toBe("links");
		expect(cell.display).toBe("Flask, Django, Bottle#Routing");
		expect(cell.links).toEqual([
			{ target: "Flask", subpath: null, alias: null, text: "Flask" },
			{ target: "Web/Django", subpath: null, alias: "Django", text: "Django" },
			{ target: "Bottle", subpath: "#Routing", alias: null, text: "Bottle#Routing" },
		]);
	});

	it("reads a mixed list as list and keeps each item's own kind", () => {
		const cell = value(makeCell(["[[Flask]]", "plain", 3, "https://a.example", null]));
		expect(cell.type).toBe("list");
		expect(cell.items).toEqual([
			{ text: "Flask", link: { target: "Flask", subpath: null, alias: null, text: "Flask" } },
			{ text: "plain" },
			{ text: "3" },
			{ text: "https://a.example", url: "https://a.example" },
		]);
		expect(cell.display).toBe("Flask, plain, 3, https://a.example");
	});

	it("finds wikilinks inside text without changing its type", () => {
		const cell = value(makeCell("Like [[Flask]] but bigger"));
		expect(cell.type).toBe("text");
		expect(cell.links?.map((l) => l.target)).toEqual(["Flask"]);
	});

	it("shows objects as compact JSON text", () => {
		const cell = value(makeCell({ a: 1, b: { c: [true, null] } }));
		expect(cell.type).toBe("object");
		expect(cell.display).toBe('{"a":1,"b":{"c":[true,null]}}');
	});
});

describe("declared types (types.json)", () => {
	it("maps Obsidian's type names", () => {
		expect(["text", "multitext", "number", "checkbox", "date", "datetime", "aliases", "tags", "weird"].map(mapObsidianType)).toEqual([
			"text",
			"list",
			"number",
			"checkbox",
			"date",
			"datetime",
			"list",
			"tags",
			"unknown",
		]);
	});

	it("parses types.json text, with or without the types wrapper, and survives junk", () => {
		expect(parsePropertyTypes('{"types":{"first_release":"number","x":3}}')).toEqual({ first_release: "number" });
		expect(parsePropertyTypes({ created: "date" })).toEqual({ created: "date" });
		expect(parsePropertyTypes("{not json")).toEqual({});
		expect(parsePropertyTypes(null)).toEqual({});
	});

	it("takes the declared type when the value fits it", () => {
		expect(value(makeCell("https://x.example", "text")).type).toBe("text");
		expect(value(makeCell("https://x.example", "text")).url).toBe("https://x.example");
		expect(value(makeCell(["[[A]]"], "list")).type).toBe("list");
		expect(value(makeCell("2024-01-01", "datetime")).type).toBe("datetime");
	});

	it("keeps the value's own type when it does not fit (a conflict)", () => {
		expect(value(makeCell("2010", "number")).type).toBe("text");
		expect(value(makeCell("yes", "checkbox")).type).toBe("text");
		expect(value(makeCell(["a"], "number")).type).toBe("list");
	});

	it("splits tag text and strips # in a tags property", () => {
		const cell = value(makeCell("#python, web framework", "tags"));
		expect(cell.type).toBe("tags");
		expect(cell.items?.map((i) => i.text)).toEqual(["python", "web", "framework"]);
		expect(value(makeCell(["#a/b", "c"], "tags")).display).toBe("a/b, c");
	});

	it("reads one string in a list property as a one-item list", () => {
		const cell = value(makeCell("solo", "list"));
		expect(cell.type).toBe("list");
		expect(cell.items).toEqual([{ text: "solo" }]);
	});
});

describe("safe URLs", () => {
	it.each([
		"https://example.com/a?b=c#d",
		"http://example.com",
		"mailto:me@example.com",
		"obsidian://open?vault=v&file=f",
		"  https://padded.example  ",
		"HTTPS://EXAMPLE.COM",
	])("allows %j", (url) => {
		expect(safeUrl(url)).not.toBeNull();
	});

	it.each([
		"javascript:alert(1)",
		"JavaScript:alert(1)",
		" javascript:alert(1)",
		"java\tscript:alert(1)",
		"\u0000javascript:alert(1)",
		"data:text/html,<script>alert(1)</script>",
		"vbscript:msgbox(1)",
		"file:///etc/passwd",
		"ftp://example.com",
		"https://exa mple.com",
		"https://example.com/\u0007",
		"https://",
		"https://a\\b",
		"//example.com",
		"example.com",
		"https:\\\\evil.example",
	])("rejects %j", (url) => {
		expect(safeUrl(url)).toBeNull();
	});

	it("lower-cases the scheme and trims, leaving the rest as written", () => {
		expect(safeUrl("HTTPS://EXAMPLE.COM")).toBe("https://EXAMPLE.COM");
		expect(safeUrl(" mailto:a@b.c ")).toBe("mailto:a@b.c");
	});
});

describe("hostile values stay plain text", () => {
	it("keeps markup as text and gives no URL", () => {
		const cell = value(makeCell("<img src=x onerror=alert(1)>"));
		expect(cell.type).toBe("text");
		expect(cell.display).toBe("<img src=x onerror=alert(1)>");
		expect(cell.url).toBeUndefined();
	});

	it("never turns javascript: into a URL, in text or in lists", () => {
		const text = value(makeCell("javascript:alert(1)"));
		expect(text.type).toBe("text");
		expect(text.url).toBeUndefined();
		const list = value(makeCell(["javascript:alert(1)", "https://ok.example"]));
		expect(list.items?.[0]?.url).toBeUndefined();
		expect(list.items?.[1]?.url).toBe("https://ok.example");
	});

	it("keeps a link alias with markup as plain text", () => {
		expect(parseWikiLinks("[[x|<b>y</b>]]")).toEqual([{ target: "x", subpath: null, alias: "<b>y</b>", text: "<b>y</b>" }]);
		const cell = value(makeCell(["[[x|<b>y</b>]]"]));
		expect(cell.type).toBe("links");
		expect(cell.display).toBe("<b>y</b>");
	});

	it("keeps 10,000-character strings intact", () => {
		const long = "a".repeat(10_000);
		const cell = value(makeCell(long));
		expect(cell.display).toHaveLength(10_000);
		expect(cell.raw).toBe(long);
	});

	it("prints nested and circular objects without interpreting them", () => {
		const nested = value(makeCell({ html: "<script>x</script>", deep: { deeper: { deepest: [1, { k: "v" }] } } }));
		expect(nested.display).toBe('{"html":"<script>x</script>","deep":{"deeper":{"deepest":[1,{"k":"v"}]}}}');
		const loop: Record<string, unknown> = { a: 1 };
		loop.self = loop;
		expect(value(makeCell(loop)).display).toBe("[unprintable object]");
	});

	it("handles keys such as __proto__ and constructor as ordinary values", () => {
		const fm = JSON.parse('{"__proto__": "x", "constructor": 1}') as Record<string, unknown>;
		expect(value(makeCell(fm.__proto__)).display).toBe("x");
		expect(value(makeCell(fm.constructor)).display).toBe("1");
	});
});

describe("quick paths agree with makeCell (the model is built without making cells)", () => {
	const declaredTypes = fc.constantFrom<PropertyTypeName | undefined>(undefined, ...(KINDS.slice(0, VALUE_KINDS) as PropertyTypeName[]));
	const value = frontmatterValue();

	it("cellKind gives the state and type makeCell gives", () => {
		fc.assert(
			fc.property(value, declaredTypes, (v, declared) => {
				const cell = makeCell(v, declared);
				expect(cellKind(v, declared)).toBe(cell.state === "value" ? cell.type : cell.state);
			}),
			{ numRuns: 3000 },
		);
		expect(cellKind(undefined)).toBe("absent");
	});

	it("quickIdentity and quickDisplay give the identity and display text of the cell", () => {
		fc.assert(
			fc.property(value, declaredTypes, (v, declared) => {
				const cell = makeCell(v, declared);
				const identity = quickIdentity(v, declared);
				if (identity !== NEEDS_CELL) expect(identity).toStrictEqual(cellIdentity(cell));
				const display = quickDisplay(v, declared);
				if (display !== NEEDS_CELL) expect(display).toBe(cell.state === "value" ? cell.display : null);
			}),
			{ numRuns: 3000 },
		);
		// Plain scalars never need the cell.
		for (const v of ["x", 1, true, null, ""]) expect(quickIdentity(v, undefined)).not.toBe(NEEDS_CELL);
	});
});
