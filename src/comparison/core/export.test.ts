import { describe, expect, it } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, NAME_KEY, toCsv, toJson, toMarkdownTable } from "./index";
import type { NoteInput } from "./index";
import { expectApproved } from "../../../test/kit/approval";
import { buildLinkNames } from "../../shared/core/link-names";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";

function note(path: string, frontmatter: Record<string, unknown> | null, frontmatterError: string | null = null): NoteInput {
	const basename = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");
	return { path, basename, frontmatter, frontmatterError };
}

const fixture = [
	note("Web/Django.md", {
		type: "framework",
		category: "full-stack",
		summary: "ORM, auth | admin",
		orm: true,
		first_release: 2005,
		website: "https://www.djangoproject.com",
		related: ["[[Flask]]", "[[Web/Bottle|Bottle]]"],
		tags: ["framework", "python"],
	}),
	note("Web/Flask.md", {
		type: "framework",
		category: 'micro, "tiny"',
		summary: "Line one\nline two",
		orm: false,
		first_release: "2010",
		website: "",
		related: [],
		tags: ["framework"],
	}),
	note("Web/Broken.md", null, "bad indentation"),
];

describe("export goldens (3 notes)", () => {
	const model = buildModel(fixture);

	it("Markdown", () => {
		expect(toMarkdownTable(model)).toBe(
			[
				"| Note | type | category | summary | orm | first_release | website | related | tags |",
				"| --- | --- | --- | --- | --- | ---: | --- | --- | --- |",
				"| [[Django]] | framework | full-stack | ORM, auth \\| admin | yes | 2005 | https://www.djangoproject.com | [[Flask]], [[Web/Bottle\\|Bottle]] | framework, python |",
				'| [[Flask]] | framework | micro, "tiny" | Line one<br>line two | no | 2010 |  |  | framework |',
				"| [[Broken]] |  |  |  |  |  |  |  |  |",
				"",
			].join("\n"),
		);
	});

	it("CSV (RFC 4180)", () => {
		expect(toCsv(model)).toBe(
			[
				"note,path,type,category,summary,orm,first_release,website,related,tags",
				'Django,Web/Django.md,framework,full-stack,"ORM, auth | admin",true,2005,https://www.djangoproject.com,"Flask, Bottle","framework, python"',
				'Flask,Web/Flask.md,framework,"micro, ""tiny""","Line one\nline two",false,2010,,,framework',
				"Broken,Web/Broken.md,,,,,,,,",
				"",
			].join("\r\n"),
		);
	});

	it("JSON", () => {
		expectApproved("compare-export/three-notes.json", toJson(model));
	});
});

describe("exports of a view", () => {
	it("follow the view's rows and columns, and link duplicate names by path", () => {
		const model = buildModel([note("A/Same.md", { k: 2, h: 1 }), note("B/Same.md", { k: 1, h: 1 })]);
		const view = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: [{ key: "k", dir: "asc" }], hiddenColumns: ["h"] });
		expect(toMarkdownTable(model, view)).toBe(
			["| Note | k |", "| --- | ---: |", "| [[B/Same\\|Same]] | 1 |", "| [[A/Same\\|Same]] | 2 |", ""].join("\n"),
		);
		expect(toCsv(model, view)).toBe("note,path,k\r\nSame,B/Same.md,1\r\nSame,A/Same.md,2\r\n");
		expect(JSON.parse(toJson(model, view))).toMatchObject({
			columns: [{ key: "k" }],
			notes: [{ path: "B/Same.md", properties: { k: 1 } }, { path: "A/Same.md" }],
		});
		const sortedByName = applyView(model, { ...DEFAULT_VIEW_OPTIONS, sort: [{ key: NAME_KEY, dir: "asc" }] });
		expect(toCsv(model, sortedByName).split("\r\n")[0]).toBe("note,path,h,k");
	});
	it("names differing only in letter case are duplicates too (Obsidian resolves links case-insensitively)", () => {
		const model = buildModel([
			note("Themes/Catppuccin.md", { k: 1 }),
			note("Colors/catppuccin.md", { k: 2 }),
			note("Unique.md", { k: 3 }),
		]);
		expect(toMarkdownTable(model).split("\n").slice(2, 5)).toEqual([
			"| [[Themes/Catppuccin\\|Catppuccin]] | 1 |",
			"| [[Colors/catppuccin\\|catppuccin]] | 2 |",
			"| [[Unique]] | 3 |",
		]);
	});

	it("with the vault's names, a note sharing its name with a note outside the rows is linked by its shortest path", () => {
		const vault = snapshotFromFiles({
			"Web/Flask/Note.md": "",
			"Web/Django/Note.md": "",
			"Themes/Catppuccin.md": "",
			"Colors/catppuccin.md": "",
			"Web/Solo.md": "",
		});
		const model = buildModel([
			note("Web/Flask/Note.md", { k: 1 }),
			note("Themes/Catppuccin.md", { k: 2 }),
			note("Web/Solo.md", { k: 3 }),
		]);
		expect(toMarkdownTable(model, undefined, buildLinkNames(vault.root)).split("\n").slice(2, 5)).toEqual([
			"| [[Flask/Note\\|Note]] | 1 |",
			"| [[Themes/Catppuccin\\|Catppuccin]] | 2 |",
			"| [[Solo]] | 3 |",
		]);
	});
});

describe("hostile values in exports", () => {
	const model = buildModel([
		note("Evil.md", {
			html: "<img src=x onerror=alert(1)>",
			js: "javascript:alert(1)",
			alias: ["[[x|<b>y</b>]]"],
			embed: "![](https://evil.example/pixel.png) ![[secret]]",
			formula: '=HYPERLINK("http://evil")',
			nested: { a: { b: ["<i>", null] } },
			slash: "a\\|b",
			long: "z".repeat(10_000),
		}),
	]);

	it("Markdown escapes raw HTML, embeds, pipes and backslashes", () => {
		const md = toMarkdownTable(model);
		const row = md.split("\n")[2] ?? "";
		expect(row).toContain("| \\<img src=x onerror=alert(1)> |");
		expect(row).toContain("| javascript:alert(1) |");
		expect(row).toContain("| [[x\\|\\<b>y\\</b>]] |");
		expect(row).toContain("| \\![](https://evil.example/pixel.png) \\![[secret]] |");
		expect(row).toContain('| {"a":{"b":["\\<i>",null]}} |');
		expect(row).toContain("| a\\\\\\|b |");
		expect(row).toContain(`| ${"z".repeat(10_000)} |`);
		expect(md).not.toMatch(/(^|[^\\])</m);
		expect(md).not.toMatch(/(^|[^\\])!\[/m);
		expect(row.split(/(?<!\\)\|/)).toHaveLength(11);
	});

	it("Markdown keeps only http, https, mailto and obsidian links live, and never opens a comment", () => {
		const hostile = buildModel([
			note("Links.md", {
				js: "[click](javascript:alert(1))",
				data: "[x]( data:text/html,hi)",
				entity: "[x](javascript&#58;alert(1))",
				ok: "[site](https://example.org) [mail](mailto:a@b.c) [vault](obsidian://open?vault=v)",
				comment: "50%% of the rest %% hidden",
			}),
		]);
		const row = toMarkdownTable(hostile).split("\n")[2] ?? "";
		expect(row).toContain("| [click\\](javascript:alert(1)) |");
		expect(row).toContain("| [x\\]( data:text/html,hi) |");
		expect(row).toContain("| [x\\](javascript&#58;alert(1)) |");
		expect(row).toContain("| [site](https://example.org) [mail](mailto:a@b.c) [vault](obsidian://open?vault=v) |");
		expect(row).toContain("| 50\\%\\% of the rest \\%\\% hidden |");
		expect(row).not.toMatch(/(^|[^\\])%%/);
		expect(row).not.toMatch(/(^|[^\\])\]\((?!https:|mailto:|obsidian:)/);
	});

	it("CSV keeps formulas as text and long values whole", () => {
		const csv = toCsv(model);
		expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",`);
		expect(csv).toContain("z".repeat(10_000));
	});

	it("JSON keeps the data as parsed", () => {
		const parsed = JSON.parse(toJson(model)) as { notes: { properties: Record<string, unknown> }[] };
		expect(parsed.notes[0]?.properties.nested).toEqual({ a: { b: ["<i>", null] } });
		expect(parsed.notes[0]?.properties.html).toBe("<img src=x onerror=alert(1)>");
	});
});
