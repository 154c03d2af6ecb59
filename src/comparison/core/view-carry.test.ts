import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, NAME_KEY, STATE_TOKENS, updateModel } from "./index";
import type { ComparisonModel, ModelChange, NoteInput, ViewOptions, ViewResult } from "./index";
import { filtersOf } from "./filters";

function note(i: number, frontmatter: Record<string, unknown> | null): NoteInput {
	return { path: `F/N${i}.md`, basename: `N${i % 3 === 0 ? "x" : i}`, frontmatter, frontmatterError: null };
}

/** Everything a view shows, by path and value (rows of different models compare by content). */
function shown(result: ViewResult) {
	return {
		rows: result.rows.map((r) => r.path),
		groups: result.groups?.map((g) => [g.value, g.label, g.rows.map((r) => r.path)]) ?? null,
		columns: result.columns.map((c) => ({
			key: c.key,
			type: c.type,
			differs: c.differs,
			min: c.min,
			max: c.max,
			sortIndex: c.sortIndex,
			sortDir: c.sortDir,
			coverage: c.coverage,
			conflicts: c.conflicts.map((x) => [x.path, x.actualType]),
		})),
		totalRows: result.totalRows,
		differing: [...result.differingCells].map(([key, paths]) => [key, [...paths].sort()]).sort(),
	};
}

const values = pooledFrontmatterValue({
	numbers: { min: 1, max: 4 },
	strings: ["x", "X", "y", "2", "9", "true", "2024-01-01", "[[A]]"],
	structures: [["a"], ["a", "b"], []],
});
const frontmatter = fc.oneof(fc.record({ a: values, b: values, cat: values }, { requiredKeys: [] }), fc.constant(null));
const change = fc.oneof(
	fc.record({ kind: fc.constant("set" as const), i: fc.integer({ min: 0, max: 9 }), fm: frontmatter }),
	fc.record({ kind: fc.constant("delete" as const), i: fc.integer({ min: 0, max: 9 }) }),
);
const sortKey = fc.record({ key: fc.constantFrom("a", "b", "cat", NAME_KEY), dir: fc.constantFrom<"asc" | "desc">("asc", "desc") });
const view = fc.record({
	sort: fc.array(sortKey, { maxLength: 2 }),
	groupBy: fc.constantFrom(null, "cat", "a"),
	filter: fc.option(fc.tuple(fc.constantFrom("a", "cat"), fc.subarray(["x", "1", "2", "a", STATE_TOKENS.absent, STATE_TOKENS.null]))),
	search: fc.constantFrom("", "x", "n1", "2"),
	selected: fc.option(fc.subarray([0, 1, 2, 3, 4, 5, 6].map((i) => `F/N${i}.md`))),
});

describe("applyView after single-note changes", () => {
	it("gives what a fresh model of the same notes gives, change after change (property test)", () => {
		fc.assert(
			fc.property(
				fc.array(frontmatter, { maxLength: 8 }),
				fc.array(change, { minLength: 1, maxLength: 8 }),
				view,
				fc.boolean(),
				(initial, changes, v, declare) => {
					const options = declare ? { propertyTypes: { a: "number" } } : {};
					const viewOptions: ViewOptions = {
						...DEFAULT_VIEW_OPTIONS,
						sort: v.sort,
						groupBy: v.groupBy,
						filters: v.filter === null ? DEFAULT_VIEW_OPTIONS.filters : filtersOf([v.filter]),
						search: v.search,
						selected: v.selected ?? [],
					};
					const notes = initial.map((fm, i) => note(i, fm));
					let model: ComparisonModel = buildModel(notes, options);
					applyView(model, viewOptions);
					for (const c of changes) {
						const path = `F/N${c.i}.md`;
						const at = notes.findIndex((n) => n.path === path);
						let modelChange: ModelChange;
						if (c.kind === "delete") {
							if (at >= 0) notes.splice(at, 1);
							modelChange = { deleted: path };
						} else {
							const n = note(c.i, c.fm);
							if (at >= 0) notes[at] = n;
							else notes.push(n);
							modelChange = n;
						}
						const previous = model;
						const before = shown(applyView(previous, viewOptions));
						model = updateModel(model, modelChange);
						expect(shown(applyView(model, viewOptions))).toEqual(shown(applyView(buildModel(notes, options), viewOptions)));
						// The model before stays valid: its view is what it was.
						expect(shown(applyView(previous, viewOptions))).toEqual(before);
					}
				},
			),
			{ numRuns: 400 },
		);
	});
});

describe("groups after a note changes", () => {
	it("are ordered by the cell of each group's first row, which a change can make a text instead of a number", () => {
		const notes = [note(1, { cat: "x" }), note(2, { cat: 3 }), note(4, { cat: 2 })];
		const options = { ...DEFAULT_VIEW_OPTIONS, groupBy: "cat" };
		const model = buildModel(notes);
		expect(applyView(model, options).groups?.map((g) => g.value)).toEqual(["2", "3", "x"]);
		const changed = note(1, { cat: "2" });
		const next = updateModel(model, changed);
		// The first note of group "2" now holds the text "2", which sorts after the numbers.
		expect(applyView(next, options).groups?.map((g) => g.value)).toEqual(["3", "2"]);
		expect(shown(applyView(next, options))).toEqual(shown(applyView(buildModel([changed, notes[1], notes[2]]), options)));
	});
});
