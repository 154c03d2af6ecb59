import { describe, expect, it } from "vitest";
import { buildLinkNames } from "../../shared/core/link-names";
import { refreshLivingText } from "../../shared/core/living-blocks";
import { DEFAULT_COMPARE_SETTINGS } from "../../shared/core/settings";
import { snapshotFromFiles } from "../../shared/core/testing/snapshot";
import { comparisonKind } from "./comparison-block";
import { filtersOf } from "./filters";
import { filterConditions, livingComparisonNote } from "./living-note";
import { STATE_TOKENS } from "./facets";

const FILES: Record<string, string> = {
	"Web/Django.md": "---\ntype: framework\ncategory: full-stack\nlanguage: Python\nyear: 2005\ntags: [web, python]\n---\n",
	"Web/Flask.md": "---\ntype: framework\ncategory: micro\nlanguage: Python\nyear: 2010\ntags: [web]\n---\n",
	"Web/Express.md": "---\ntype: framework\ncategory: micro\nlanguage: JavaScript\nyear: 2010\n---\n",
};

describe("Save as note: a living note", () => {
	it("the pane's filters in the decision grammar; what it cannot say is named", () => {
		const types = new Map([
			["tags", "tags" as const],
			["language", "text" as const],
		]);
		expect(
			filterConditions(
				filtersOf([
					["language", ["Python", 'say "hi"']],
					["tags", ["web"]],
					["my prop", ["x"]],
					["category", [STATE_TOKENS.absent]],
				]),
				types,
			),
		).toEqual({
			conditions: ['language in ["Python", \'say "hi"\']', '"my prop" in ["x"]', 'tags has "web"'],
			dropped: ["category"],
		});
		expect(filterConditions(filtersOf([["tags", ["a", "b"]]]), types).dropped).toEqual(["tags"]);
	});

	it("the saved block is what a refresh computes from the saved properties: nothing changes", () => {
		const snapshot0 = snapshotFromFiles(FILES);
		const note = livingComparisonNote(
			"Web/comparison.md",
			"Comparison: Web",
			{
				scope: "Web",
				columns: ["language", "year"],
				sort: [{ key: "year", dir: "desc" }],
				groupBy: "category",
				filters: filtersOf([["language", ["Python"]]]),
				types: new Map([["language", "text" as const]]),
			},
			{ snapshot: snapshot0, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null },
		);
		expect(note.text).toBe(
			[
				"---",
				"framework-notes: comparison",
				'compare-scope: "Web"',
				'compare-columns: ["language", "year"]',
				'compare-sort: "-year"',
				'compare-group: "category"',
				'compare-filter: ["language in [\\"Python\\"]"]',
				"---",
				"",
				"# Comparison: Web",
				"",
				"Kept current by Framework Notes: edit the `compare-` properties above to change the table. Saving again from the pane replaces this note.",
				"",
				"%% Begin Comparison %%",
				"",
				"**full-stack**",
				"",
				"| Note | language | year |",
				"| --- | --- | ---: |",
				"| [[Django]] | Python | 2005 |",
				"",
				"**micro**",
				"",
				"| Note | language | year |",
				"| --- | --- | ---: |",
				"| [[Flask]] | Python | 2010 |",
				"",
				"%% End Comparison %%",
				"",
			].join("\n"),
		);
		const snapshot = snapshotFromFiles({ ...FILES, "Web/comparison.md": note.text });
		const kind = comparisonKind({ snapshot, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null });
		expect(refreshLivingText(note.text, [kind], () => kind.render("Web/comparison.md", () => buildLinkNames(snapshot.root)))).toEqual({
			status: "unchanged",
		});
	});
});
