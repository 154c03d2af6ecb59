import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLinkNames } from "../../shared/core/link-names";
import { refreshLivingText } from "../../shared/core/living-blocks";
import { DEFAULT_COMPARE_SETTINGS } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { comparisonBlockWatches, renderComparisonBlock } from "./comparison-block";
import { comparisonKind } from "./living-note";

const NOTES: Record<string, string> = {
	"Web/Django.md":
		'---\ntype: framework\ncategory: full-stack\nlanguage: Python\nasync: true\nfirst_release: 2005\nlicense: "BSD|3"\nsummary: "Batteries\\nincluded"\nrelated:\n  - "[[Flask]]"\n---\n',
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\nlanguage: Python\nasync: false\nfirst_release: 2010\nlicense: BSD\n---\n",
	"Web/Express.md": "---\ntype: framework\ncategory: micro\nlanguage: JavaScript\nasync: true\nfirst_release: 2010\n---\n",
	"Web/Sub/Koa.md": "---\ntype: framework\ncategory: micro\nlanguage: JavaScript\nasync: true\nfirst_release: 2013\nlicense: MIT\n---\n",
	"Web/comparison.md": "---\nframework-notes: comparison\n---\n",
	"Web/Plain.md": "no frontmatter",
	"Other/Django.md": "---\ntype: framework\n---\n",
};

function render(holderYaml: string, files: Record<string, string> = NOTES, holder = "Web/Compare.md"): string {
	const snapshot = snapshotFromFiles({ ...files, [holder]: `---\ntype: framework\n${holderYaml}---\n%% Comparison %%\n` });
	const out = renderComparisonBlock(holder, {
		snapshot,
		settings: DEFAULT_COMPARE_SETTINGS,
		templatesFolder: null,
		names: () => buildLinkNames(snapshot.root),
	});
	return out.ok ? out.lines.join("\n") : `ERROR ${out.message}`;
}

// docs/living-blocks.md, "Options" — one golden table per option.
describe("comparison block options", () => {
	it("defaults: the note's folder and below, sorted by name, properties identical everywhere left out", () => {
		expect(render("")).toBe(
			[
				"| Note | category | language | summary | async | license | first_release | related |",
				"| --- | --- | --- | --- | --- | --- | ---: | --- |",
				"| [[Web/Django\\|Django]] | full-stack | Python | Batteries<br>included | ✓ | BSD\\|3 | 2005 | [[Flask]] |",
				"| [[Express]] | micro | JavaScript | — | ✓ | — | 2010 | — |",
				"| [[Flask]] | micro | Python | — | ✗ | BSD | 2010 | — |",
				"| [[Koa]] | micro | JavaScript | — | ✓ | MIT | 2013 | — |",
			].join("\n"),
		);
	});

	it("compare-scope: another folder (the holder itself is never compared)", () => {
		expect(render("compare-scope: Web/Sub\n")).toBe(render("compare-scope: /Web/Sub/\n"));
		expect(render("compare-scope: Web/Sub\ncompare-columns: [license, async]\n")).toBe(
			["| Note | license | async |", "| --- | --- | --- |", "| [[Koa]] | MIT | ✓ |"].join("\n"),
		);
	});

	it("compare-columns: exactly these, in this order; a property no note has shows —", () => {
		expect(render("compare-columns: [first_release, type, nothing]\n")).toBe(
			[
				"| Note | first_release | type | nothing |",
				"| --- | ---: | --- | --- |",
				"| [[Web/Django\\|Django]] | 2005 | framework | — |",
				"| [[Express]] | 2010 | framework | — |",
				"| [[Flask]] | 2010 | framework | — |",
				"| [[Koa]] | 2013 | framework | — |",
			].join("\n"),
		);
	});

	it("compare-sort: -property sorts descending, ties by name, absent last", () => {
		expect(render("compare-sort: -first_release\ncompare-columns: [first_release]\n")).toBe(
			[
				"| Note | first_release |",
				"| --- | ---: |",
				"| [[Koa]] | 2013 |",
				"| [[Express]] | 2010 |",
				"| [[Flask]] | 2010 |",
				"| [[Web/Django\\|Django]] | 2005 |",
			].join("\n"),
		);
		expect(render("compare-sort: license\ncompare-columns: [license]\n")).toBe(
			[
				"| Note | license |",
				"| --- | --- |",
				"| [[Flask]] | BSD |",
				"| [[Web/Django\\|Django]] | BSD\\|3 |",
				"| [[Koa]] | MIT |",
				"| [[Express]] | — |",
			].join("\n"),
		);
	});

	it("compare-group: one bold line per group above its rows", () => {
		expect(render("compare-group: language\ncompare-columns: [category]\n")).toBe(
			[
				"**JavaScript**",
				"",
				"| Note | category |",
				"| --- | --- |",
				"| [[Express]] | micro |",
				"| [[Koa]] | micro |",
				"",
				"**Python**",
				"",
				"| Note | category |",
				"| --- | --- |",
				"| [[Web/Django\\|Django]] | full-stack |",
				"| [[Flask]] | micro |",
			].join("\n"),
		);
	});

	it("compare-filter: conditions in the decision grammar, all must hold", () => {
		expect(render('compare-filter: ["language = Python", "first_release >= 2006"]\ncompare-columns: [first_release]\n')).toBe(
			["| Note | first_release |", "| --- | ---: |", "| [[Flask]] | 2010 |"].join("\n"),
		);
		expect(render("compare-filter: license exists\ncompare-columns: [license]\n")).toContain("[[Koa]]");
		expect(render("compare-filter: license exists\ncompare-columns: [license]\n")).not.toContain("[[Express]]");
	});

	it("a filter with a mistake is a clear error (and nothing is written)", () => {
		expect(render('compare-filter: ["language ="]\n')).toMatch(
			/^ERROR "compare-filter": language =: .* \(column \d+\); the comparison was not updated\.$/,
		);
		expect(render("compare-scope: 3\n")).toBe(
			'ERROR "compare-scope" must be a text of at most 1024 characters; the comparison was not updated.',
		);
	});

	it("a note whose YAML is invalid is no row (the app cannot read its properties either)", () => {
		const out = render("compare-columns: [category]\n", {
			...NOTES,
			"Web/Broken.md": "---\ntype: framework\ncategory: [unclosed\n---\n",
		});
		expect(out).not.toContain("Broken");
		expect(out).toContain("[[Flask]]");
	});

	it("no notes to compare", () => {
		expect(render("compare-scope: Nowhere\n")).toBe("*No notes to compare.*");
	});

	it("hostile values stay inert: no End marker, no HTML, no unsafe links", () => {
		const out = render("compare-columns: [evil]\n", {
			"Web/X.md": '---\ntype: framework\nevil: "%% End Comparison %% <b>x</b> [a](javascript:alert(1)) ![[img.png]]"\n---\n',
		});
		expect(out).not.toContain("%% End Comparison %%");
		expect(out).toBe(
			"| Note | evil |\n| --- | --- |\n| [[X]] | \\%\\% End Comparison \\%\\% \\<b>x\\</b> [a\\](javascript:alert(1)) \\![[img.png]] |",
		);
	});
});

describe("comparison block: which notes", () => {
	const MIXED = {
		...NOTES,
		"Web/Pandas.md": "---\ntype: library\ntags: [python]\nlicense: BSD\n---\n",
		"Web/Rails.md": "---\ntype: framework\ntags: [ruby]\nlicense: MIT\n---\n",
		"Web/Requests.md": "---\ntype: library\ntags: [python, http]\nlicense: Apache-2.0\n---\n",
	};

	it("compare-tag and compare-property choose the notes instead of the settings' choice", () => {
		expect(render("compare-tag: python\ncompare-columns: [license]\n", MIXED)).toBe(
			["| Note | license |", "| --- | --- |", "| [[Pandas]] | BSD |", "| [[Requests]] | Apache-2.0 |"].join("\n"),
		);
		expect(render('compare-tag: "#python"\ncompare-columns: [license]\n', MIXED)).toBe(
			render("compare-tag: python\ncompare-columns: [license]\n", MIXED),
		);
		expect(render("compare-property: type=library\ncompare-columns: [license]\n", MIXED)).toBe(
			render("compare-tag: python\ncompare-columns: [license]\n", MIXED),
		);
		// Without them, the settings' choice (type: framework) holds.
		expect(render("compare-columns: [license]\n", MIXED)).toContain("| [[Rails]] | MIT |");
		expect(render("compare-columns: [license]\n", MIXED)).not.toContain("Pandas");
	});

	it("refuses both at once, a property choice without KEY=, and more than one tag", () => {
		expect(render("compare-tag: python\ncompare-property: type=library\n", NOTES)).toMatch(
			/^ERROR give "compare-property" or "compare-tag", not both/,
		);
		expect(render("compare-property: library\n", NOTES)).toMatch(/^ERROR "compare-property" must be KEY=VALUE/);
		expect(render("compare-tag: python web\n", NOTES)).toMatch(/^ERROR "compare-tag" must be one tag/);
	});
});

describe("comparison block scope", () => {
	it("watches the notes of its scope and its own note, nothing else", () => {
		const snapshot = snapshotFromFiles({ ...NOTES, "Web/Compare.md": "---\ncompare-scope: Web/Sub\n---\n" });
		expect(comparisonBlockWatches("Web/Compare.md", "Web/Sub/Koa.md", snapshot)).toBe(true);
		expect(comparisonBlockWatches("Web/Compare.md", "Web/Compare.md", snapshot)).toBe(true);
		expect(comparisonBlockWatches("Web/Compare.md", "Web", snapshot)).toBe(true);
		expect(comparisonBlockWatches("Web/Compare.md", "Web/Flask.md", snapshot)).toBe(false);
		expect(comparisonBlockWatches("Web/Compare.md", "Other/Django.md", snapshot)).toBe(false);
	});
});

describe("comparison block properties", () => {
	const note = fc.record({
		name: fc.constantFrom("A", "b", "Note 2", "Note 10", "é", "Z z"),
		folder: fc.constantFrom("S", "S/T", "S/U"),
		category: fc.constantFrom("x", "y", undefined),
		n: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
		flag: fc.option(fc.boolean(), { nil: undefined }),
	});
	const yaml = (n: { category?: string; n?: number; flag?: boolean }): string =>
		`---\ntype: framework\n${n.category === undefined ? "" : `category: ${n.category}\n`}${n.n === undefined ? "" : `n: ${n.n}\n`}${n.flag === undefined ? "" : `flag: ${n.flag}\n`}---\n`;

	it("the table does not depend on the order of the files, and refreshing twice changes nothing", () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(note, { selector: (n) => `${n.folder}/${n.name}`.toLowerCase(), maxLength: 8 }),
				fc.constantFrom("", "compare-sort: -n\n", "compare-group: category\n", 'compare-filter: ["n > 0"]\n'),
				(notes, options) => {
					const files: [string, string][] = notes.map((n) => [`${n.folder}/${n.name}.md`, yaml(n)]);
					const holder = `---\n${options}---\n%% Comparison %%\n`;
					const texts = [...files, ["S/Holder.md", holder] as [string, string]];
					const run = (entries: [string, string][]): string => {
						const snapshot = snapshotFromFiles(Object.fromEntries(entries));
						const kind = comparisonKind({ snapshot, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null });
						const once = refreshLivingText(holder, [kind], () =>
							kind.render("S/Holder.md", () => buildLinkNames(snapshot.root)),
						);
						expect(once.status).toBe("changed");
						if (once.status !== "changed") return "";
						const again = refreshLivingText(once.text, [kind], () =>
							kind.render("S/Holder.md", () => buildLinkNames(snapshot.root)),
						);
						expect(again).toEqual({ status: "unchanged" });
						return once.text;
					};
					expect(run([...texts].reverse())).toBe(run(texts));
				},
			),
			{ numRuns: 60 },
		);
	});
});
