import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	DEFAULT_PROPERTIES,
	DEFAULT_TEMPLATE,
	buildNote,
	buildNoteText,
	findFrontmatter,
	formatDate,
	mergeProperties,
	planInsert,
	readProperties,
	renderTemplate,
	sanitizeFileName,
	splitFrontmatter,
	type TemplateContext,
} from "../src/templates/core/index";
import { parse } from "yaml";

const when = new Date(2026, 10, 24, 9, 5, 7);
const ctx: TemplateContext = { title: "Django", folder: "WEBFramework/NOtes", date: when };

describe("formatDate", () => {
	it("formats the common moment tokens", () => {
		expect(formatDate(when, "YYYY-MM-DD")).toBe("2026-11-24");
		expect(formatDate(when, "HH:mm:ss")).toBe("09:05:07");
		expect(formatDate(when, "D/M/YY h:mm A")).toBe("24/11/26 9:05 AM");
		expect(formatDate(when, "dddd, MMMM Do")).toBe("Tuesday, November 24th");
		expect(formatDate(when, "ddd MMM")).toBe("Tue Nov");
	});
	it("copies bracketed text literally", () => {
		expect(formatDate(when, "[Week of] YYYY")).toBe("Week of 2026");
	});
	it("writes ordinals and 12-hour clocks correctly", () => {
		expect(formatDate(new Date(2026, 0, 1, 0, 0), "Do h A")).toBe("1st 12 AM");
		expect(formatDate(new Date(2026, 0, 12, 13, 0), "Do h a")).toBe("12th 1 pm");
		expect(formatDate(new Date(2026, 0, 23, 12, 0), "Do hh")).toBe("23rd 12");
	});
	it("keeps the years 0000–0099 (not 1900–1999) with four digits", () => {
		const early = new Date(2026, 0, 2, 3, 4);
		early.setFullYear(42);
		expect(formatDate(early, "YYYY-MM-DD HH:mm")).toBe("0042-01-02 03:04");
		early.setFullYear(0);
		expect(formatDate(early, "YYYY YY")).toBe("0000 00");
	});
});

describe("renderTemplate", () => {
	it("fills title, folder, date and time with default formats", () => {
		const out = renderTemplate("{{title}} in {{folder}} on {{date}} at {{time}}", ctx);
		expect(out.body).toBe("Django in WEBFramework/NOtes on 2026-11-24 at 09:05");
		expect(out.frontmatter).toBeNull();
		expect(out.cursor).toBeNull();
	});
	it("applies moment formats given after a colon", () => {
		expect(renderTemplate("{{date:YYYY}}|{{time:HH}}|{{date:DD.MM.YYYY}}", ctx).body).toBe("2026|09|24.11.2026");
	});
	it("uses the formatter it is given", () => {
		const out = renderTemplate("{{date:X}}", { ...ctx, formatDate: (d, f) => `${f}@${d.getFullYear()}` });
		expect(out.body).toBe("X@2026");
	});
	it("leaves unknown variables and malformed ones exactly as written", () => {
		const text = "{{author}} {{ title2 }} {{title:upper}} {{Date}} {title} {{ }}";
		expect(renderTemplate(text, ctx).body).toBe(text);
	});
	it("accepts spaces inside the braces", () => {
		expect(renderTemplate("{{ title }}", ctx).body).toBe("Django");
	});
	it("removes every cursor marker and reports the first one's offset", () => {
		const out = renderTemplate("## {{title}}\n\n{{cursor}}\nmore {{cursor}}", ctx);
		expect(out.body).toBe("## Django\n\n\nmore ");
		expect(out.cursor).toBe("## Django\n\n".length);
	});
	it("splits frontmatter and fills variables inside it", () => {
		const out = renderTemplate("---\ncreated: {{date}}\nname: {{title}}\n---\nbody", ctx);
		expect(out.frontmatter).toBe("created: 2026-11-24\nname: Django\n");
		expect(out.body).toBe("body");
	});
	it("quotes a variable that would not read back as the same string in YAML", () => {
		const out = renderTemplate("---\ntitle: {{title}}\nyear: {{date:YYYY}}\naliases:\n  - {{title}}\n---\n", {
			...ctx,
			title: "C: the #1 language",
		});
		expect(parse(out.frontmatter ?? "")).toEqual({ title: "C: the #1 language", year: "2026", aliases: ["C: the #1 language"] });
	});
	it("the built-in template has the documented properties in order and the documented sections", () => {
		const out = renderTemplate(DEFAULT_TEMPLATE, ctx);
		const props = readProperties(out.frontmatter ?? "");
		expect(props.ok && props.value.map(([k]) => k)).toEqual([...DEFAULT_PROPERTIES]);
		expect(props.ok && Object.fromEntries(props.value)).toMatchObject({
			type: "framework",
			tags: ["framework"],
			created: "2026-11-24",
			related: [],
		});
		const headings = out.body.split("\n").filter((l) => l.startsWith("## "));
		expect(headings).toEqual(["## Overview", "## Strengths", "## Weaknesses", "## When to use it", "## Links", "## Notes"]);
		expect(out.cursor).toBe(out.body.indexOf("## Strengths") - 2);
	});
});

describe("findFrontmatter", () => {
	it("finds a block at the very start only", () => {
		expect(findFrontmatter("---\na: 1\n---\nbody")).toMatchObject({ inner: "a: 1\n", innerStart: 4, end: 13 });
		expect(findFrontmatter("\n---\na: 1\n---\n")).toBeNull();
		expect(findFrontmatter("---\na: 1\nno end")).toBeNull();
		expect(findFrontmatter("---\n---\nx")).toMatchObject({ inner: "", end: 8 });
		expect(findFrontmatter("---\na: 1\n---")).toMatchObject({ inner: "a: 1\n", end: 12 });
	});
	it("does not take a longer rule for the closing line", () => {
		expect(splitFrontmatter("---\na: 1\n----\nb: 2\n---\nbody")).toEqual({ frontmatter: "a: 1\n----\nb: 2\n", body: "body" });
	});
});

describe("mergeProperties (fill)", () => {
	const merge = (note: string | null, entries: [string, unknown][]) => {
		const result = mergeProperties(note, entries, "fill");
		if (!result.ok) throw new Error(result.error);
		return result.value;
	};
	it("never overwrites a value the note already has", () => {
		const out = merge("category: full-stack\nasync: false\n", [
			["category", "misc"],
			["async", true],
		]);
		expect(out).toEqual({ yaml: "category: full-stack\nasync: false\n", changed: false });
	});
	it("adds missing properties after the note's own, in template order", () => {
		const out = merge("language: Python\n", [
			["type", "framework"],
			["language", "Go"],
			["license", null],
			["tags", ["framework"]],
		]);
		expect(out.yaml).toBe("language: Python\ntype: framework\nlicense:\ntags:\n  - framework\n");
	});
	it("fills properties that are present but empty", () => {
		const out = merge("category:\nsummary: ''\nrelated: []\n", [
			["category", "full-stack"],
			["summary", "Batteries included."],
			["related", ["[[Flask]]"]],
		]);
		expect(parse(out.yaml)).toEqual({ category: "full-stack", summary: "Batteries included.", related: ["[[Flask]]"] });
	});
	it("unites lists, keeping the note's items first and each item once", () => {
		const out = merge("tags:\n  - python\n  - framework\n", [["tags", ["framework", "web"]]]);
		expect(out.yaml).toBe("tags:\n  - python\n  - framework\n  - web\n");
	});
	it("keeps a flow list in flow style", () => {
		expect(merge("tags: [python] # mine\n", [["tags", ["framework"]]]).yaml).toBe("tags: [python, framework] # mine\n");
	});
	it("leaves every untouched line byte for byte, comments and quoting included", () => {
		const note = "# my notes\nwebsite: 'https://x.org'   \nsummary: >-\n  folded\n  text\nrelated: [\"[[A]]\"]\n";
		const out = merge(note, [
			["summary", "other"],
			["related", ["[[B]]"]],
			["created", "2026-11-24"],
		]);
		expect(out.yaml).toBe(
			'# my notes\nwebsite: \'https://x.org\'   \nsummary: >-\n  folded\n  text\nrelated: ["[[A]]", "[[B]]"]\ncreated: 2026-11-24\n',
		);
	});
	it("returns the very same text when nothing is missing", () => {
		const note = "type:   framework\ntags: [framework]\n";
		expect(
			merge(note, [
				["type", "framework"],
				["tags", ["framework"]],
			]),
		).toEqual({ yaml: note, changed: false });
	});
	it("adds to a note with no frontmatter at all", () => {
		expect(merge(null, [["type", "framework"]])).toEqual({ yaml: "type: framework\n", changed: true });
		expect(merge("", [])).toEqual({ yaml: "", changed: false });
	});
	it("appends after a last line that has no newline", () => {
		expect(merge("a: 1", [["b", 2]]).yaml).toBe("a: 1\nb: 2\n");
	});
	it("keeps a scalar the note has where the template has a list", () => {
		expect(merge("tags: python\n", [["tags", ["framework"]]]).changed).toBe(false);
	});
	it("refuses invalid YAML, duplicate keys and non-mapping frontmatter", () => {
		expect(mergeProperties("a: [x\n", [["b", 1]], "fill").ok).toBe(false);
		expect(mergeProperties("a: 1\na: 2\n", [["b", 1]], "fill").ok).toBe(false);
		expect(mergeProperties("- a\n- b\n", [["b", 1]], "fill").ok).toBe(false);
	});
});

describe("mergeProperties (set)", () => {
	it("replaces values in place and adds the rest", () => {
		const result = mergeProperties(
			"type: framework\ncategory: misc\ntags:\n  - framework\n",
			[
				["category", "full-stack"],
				["summary", "x: y"],
			],
			"set",
		);
		expect(result.ok && result.value.yaml).toBe('type: framework\ncategory: full-stack\ntags:\n  - framework\nsummary: "x: y"\n');
	});
});

describe("planInsert", () => {
	const template = renderTemplate("---\ntype: framework\ncategory:\ntags: [framework]\n---\n## Overview\n\n{{cursor}}\n", ctx);
	const plan = (note: string, at: number) => {
		const result = planInsert(note, at, template);
		if (!result.ok) throw new Error(result.error);
		return result.value;
	};

	it("inserts the body at the cursor and merges properties into the existing block", () => {
		const note = "---\ncategory: full-stack\ntags: [python]\n---\nIntro\n";
		const out = plan(note, note.length);
		expect(out.text).toBe("---\ncategory: full-stack\ntags: [python, framework]\ntype: framework\n---\nIntro\n## Overview\n\n\n");
		expect(out.text.slice(0, out.cursor)).toBe(
			"---\ncategory: full-stack\ntags: [python, framework]\ntype: framework\n---\nIntro\n## Overview\n\n",
		);
	});
	it("gives non-overlapping changes, last position first", () => {
		const note = "---\na: 1\n---\nIntro\n";
		const out = plan(note, note.length);
		expect(out.changes).toHaveLength(2);
		const [first, second] = out.changes;
		expect(first && second && first.from >= second.to).toBe(true);
	});
	it("creates a frontmatter block when the note has none", () => {
		const out = plan("Some text\n", 10);
		expect(out.text).toBe("---\ntype: framework\ncategory:\ntags: [framework]\n---\nSome text\n## Overview\n\n\n");
		expect(out.changes).toHaveLength(2);
	});
	it("makes one insertion when an empty note gets both the block and the body at the top", () => {
		const out = plan("", 0);
		expect(out.changes).toEqual([
			{ from: 0, to: 0, text: "---\ntype: framework\ncategory:\ntags: [framework]\n---\n## Overview\n\n\n" },
		]);
		expect(out.cursor).toBe(out.text.length - 1);
	});
	it("inserts below the frontmatter when the cursor is inside it", () => {
		const note = "---\ntype: framework\ncategory: x\ntags: [framework]\n---\nBody";
		const out = plan(note, 6);
		expect(out.changes).toHaveLength(1);
		expect(out.text).toBe("---\ntype: framework\ncategory: x\ntags: [framework]\n---\n## Overview\n\n\nBody");
	});
	it("puts the cursor at the end of the inserted body when the template has no cursor", () => {
		const plain = renderTemplate("Hello", ctx);
		const result = planInsert("ab\n", 3, plain);
		expect(result.ok && result.value).toMatchObject({ text: "ab\nHello", cursor: 8 });
	});
	it("starts the body on a line of its own when the cursor is in the middle of a line", () => {
		const result = planInsert("ab", 1, renderTemplate("X{{cursor}}Y", ctx));
		expect(result.ok && result.value).toMatchObject({ text: "a\nXYb", cursor: 3 });
	});
	it("changes nothing and explains when the note's frontmatter is broken", () => {
		const result = planInsert("---\na: [x\n---\n", 14, template);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toMatch(/note's frontmatter/);
	});
});

describe("buildNoteText", () => {
	it("makes a new note from the built-in template with the given properties set", () => {
		const result = buildNoteText(
			{
				title: "Flask",
				folder: "",
				properties: [
					["category", "full-stack"],
					["summary", "Micro: small."],
				],
			},
			{ date: when },
		);
		if (!result.ok) throw new Error(result.error);
		const { frontmatter, body } = splitFrontmatter(result.value);
		const data = parse(frontmatter ?? "") as Record<string, unknown>;
		expect(Object.keys(data)).toEqual([...DEFAULT_PROPERTIES]);
		expect(data).toMatchObject({ type: "framework", category: "full-stack", summary: "Micro: small.", created: "2026-11-24" });
		expect(body.startsWith("## Overview\n")).toBe(true);
		expect(result.value).not.toContain("{{");
	});
	it("tells where the template's cursor lands in the new note", () => {
		const result = buildNote(
			{ title: "X", folder: "", properties: [["category", "misc"]] },
			{ template: "---\na: 1\n---\n\n# {{title}}\n{{cursor}}\n" },
		);
		expect(result.ok && result.value).toEqual({
			text: "---\na: 1\ncategory: misc\n---\n# X\n\n",
			cursor: "---\na: 1\ncategory: misc\n---\n# X\n".length,
		});
	});
	it("adds a frontmatter block to a user template that has none", () => {
		const result = buildNoteText({ title: "X", folder: "", properties: [["category", "misc"]] }, { template: "# {{title}}\n" });
		expect(result.ok && result.value).toBe("---\ncategory: misc\n---\n# X\n");
	});
	it("leaves out empty properties", () => {
		const result = buildNoteText({ title: "X", folder: "", properties: [["category", ""]] }, { template: "# {{title}}\n" });
		expect(result.ok && result.value).toBe("# X\n");
	});
});

describe("sanitizeFileName", () => {
	it("replaces characters that break paths or links", () => {
		expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toEqual({ ok: true, name: "a b c d e f g h i j k l m n" });
		expect(sanitizeFileName("  AWS   Chalice. ")).toEqual({ ok: true, name: "AWS Chalice" });
		expect(sanitizeFileName(".hidden")).toEqual({ ok: true, name: "hidden" });
	});
	it("refuses names with nothing usable or reserved names", () => {
		expect(sanitizeFileName("///").ok).toBe(false);
		expect(sanitizeFileName("   ").ok).toBe(false);
		expect(sanitizeFileName("CON").ok).toBe(false);
		expect(sanitizeFileName("x".repeat(201)).ok).toBe(false);
	});
	it("refuses every Windows device name, in any case and with any extension", () => {
		for (const name of ["NUL", "nul", "Aux", "prn", "COM1", "lpt9", "COM\u00b9", "CONIN$", "conout$", "NUL.txt", "nul .tar"]) {
			expect(sanitizeFileName(name), name).toMatchObject({ ok: false });
		}
		expect(sanitizeFileName("Nullable")).toEqual({ ok: true, name: "Nullable" });
		expect(sanitizeFileName("Console.js")).toEqual({ ok: true, name: "Console.js" });
	});
	it("never makes a hidden name or a path out of dots and slashes", () => {
		expect(sanitizeFileName("../../escape")).toEqual({ ok: true, name: "escape" });
		expect(sanitizeFileName(". . .x")).toEqual({ ok: true, name: "x" });
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom(".", "/", " ", "\\", "a", "N", "U", "L") }), (input) => {
				const result = sanitizeFileName(input);
				if (!result.ok) return;
				expect(result.name.startsWith(".")).toBe(false);
				expect(result.name.startsWith(" ")).toBe(false);
				expect(result.name).not.toMatch(/[\\/]/);
				expect(result.name.endsWith(".")).toBe(false);
			}),
		);
	});
});
