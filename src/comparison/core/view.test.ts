import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pooledFrontmatterValue } from "../../../test/kit/arbitraries";
import { applyView, buildModel, cellDiffers, DEFAULT_VIEW_OPTIONS, facetValues, NAME_KEY, STATE_TOKENS, updateModel } from "./index";
import type { ModelChange, NoteInput, ViewOptions } from "./index";

function note(basename: string, frontmatter: Record<string, unknown> | null): NoteInput {
	return { path: `F/${basename}.md`, basename, frontmatter, frontmatterError: null };
}

function view(partial: Partial<ViewOptions>): ViewOptions {
	return { ...DEFAULT_VIEW_OPTIONS, ...partial };
}

const notes = [
	note("Django", { category: "full-stack", language: "Python", async: true, first_release: 2005, tags: ["framework", "python"] }),
	note("Flask", { category: "full-stack", language: "Python", async: false, first_release: 2010, tags: ["framework", "python"] }),
	note("FastAPI", { category: "asynchronous", language: "Python", async: true, first_release: 2018, tags: ["framework", "python"] }),
	note("Express", { category: "microframework", language: "JavaScript", async: true, tags: ["framework", "js"] }),
	note("Rails", { category: "full-stack", language: "Ruby", async: false, first_release: null, tags: ["framework"] }),
];
const model = buildModel(notes);
const names = (rows: readonly { basename: string }[]) => rows.map((r) => r.basename);

describe("sorting", () => {
	it("keeps model order without sort keys", () => {
		expect(names(applyView(model, view({})).rows)).toEqual(["Django", "Flask", "FastAPI", "Express", "Rails"]);
	});

	it("sorts numbers numerically with blanks last in both directions", () => {
		expect(names(applyView(model, view({ sort: [{ key: "first_release", dir: "asc" }] })).rows)).toEqual([
			"Django",
			"Flask",
			"FastAPI",
			"Rails",
			"Express",
		]);
		expect(names(applyView(model, view({ sort: [{ key: "first_release", dir: "desc" }] })).rows)).toEqual([
			"FastAPI",
			"Flask",
			"Django",
			"Rails",
			"Express",
		]);
	});

	it("sorts mixed values: numbers before text, then empty, null, absent", () => {
		const mixed = buildModel([
			note("t10", { v: "item 10" }),
			note("absent", {}),
			note("n9", { v: 9 }),
			note("null", { v: null }),
			note("t9", { v: "Item 9" }),
			note("empty", { v: "" }),
			note("n10", { v: 10 }),
		]);
		expect(names(applyView(mixed, view({ sort: [{ key: "v", dir: "asc" }] })).rows)).toEqual([
			"n9",
			"n10",
			"t9",
			"t10",
			"empty",
			"null",
			"absent",
		]);
		expect(names(applyView(mixed, view({ sort: [{ key: "v", dir: "desc" }] })).rows)).toEqual([
			"t10",
			"t9",
			"n10",
			"n9",
			"empty",
			"null",
			"absent",
		]);
	});

	it("sorts text naturally and case-insensitively, dates chronologically", () => {
		const m = buildModel([
			note("a", { v: "v10", d: "2024-02-01" }),
			note("b", { v: "V2", d: "2023-12-31" }),
			note("c", { v: "v1", d: "2024-01-15T10:00" }),
		]);
		expect(names(applyView(m, view({ sort: [{ key: "v", dir: "asc" }] })).rows)).toEqual(["c", "b", "a"]);
		expect(names(applyView(m, view({ sort: [{ key: "d", dir: "asc" }] })).rows)).toEqual(["b", "c", "a"]);
	});

	it("uses later keys to break ties, and sorts by note name", () => {
		const r = applyView(
			model,
			view({
				sort: [
					{ key: "category", dir: "asc" },
					{ key: NAME_KEY, dir: "desc" },
				],
			}),
		);
		expect(names(r.rows)).toEqual(["FastAPI", "Rails", "Flask", "Django", "Express"]);
		const col = r.columns.find((c) => c.key === "category");
		expect([col?.sortIndex, col?.sortDir]).toEqual([0, "asc"]);
	});

	it("sorts checkboxes false before true", () => {
		expect(
			names(
				applyView(
					model,
					view({
						sort: [
							{ key: "async", dir: "asc" },
							{ key: NAME_KEY, dir: "asc" },
						],
					}),
				).rows,
			),
		).toEqual(["Flask", "Rails", "Django", "Express", "FastAPI"]);
	});
});

describe("filters, search, selection", () => {
	it("filters by list items and by blank states", () => {
		expect(names(applyView(model, view({ filters: { tags: ["js"] } })).rows)).toEqual(["Express"]);
		expect(names(applyView(model, view({ filters: { first_release: [STATE_TOKENS.null, STATE_TOKENS.absent] } })).rows)).toEqual([
			"Express",
			"Rails",
		]);
		expect(names(applyView(model, view({ filters: { category: ["full-stack"], language: ["Ruby"] } })).rows)).toEqual(["Rails"]);
		expect(applyView(model, view({ filters: { category: [] } })).rows).toHaveLength(5);
	});

	it("lists facet values with counts, blanks last", () => {
		expect(facetValues(model, "first_release").map((f) => [f.label, f.count])).toEqual([
			["2005", 1],
			["2010", 1],
			["2018", 1],
			["(absent)", 1],
			["(null)", 1],
		]);
		expect(facetValues(model, "tags")[0]).toEqual({ value: "framework", label: "framework", count: 5 });
	});

	it("searches names and values, every term, ignoring case", () => {
		expect(names(applyView(model, view({ search: "python full" })).rows)).toEqual(["Django", "Flask"]);
		expect(names(applyView(model, view({ search: "EXPRESS" })).rows)).toEqual(["Express"]);
		expect(applyView(model, view({ search: "  " })).rows).toHaveLength(5);
	});

	it("uses a fuzzy matcher when given one", () => {
		const calls: string[] = [];
		const fuzzy = (q: string, text: string) => {
			calls.push(q);
			return text.startsWith("fa") ? 1 : null;
		};
		expect(names(applyView(model, view({ search: " fa " }), fuzzy).rows)).toEqual(["FastAPI"]);
		expect(calls.every((q) => q === "fa")).toBe(true);
	});

	it("compares only the selected notes", () => {
		const r = applyView(model, view({ selected: ["F/Flask.md", "F/Django.md"] }));
		expect(names(r.rows)).toEqual(["Django", "Flask"]);
		expect(r.totalRows).toBe(5);
		expect(r.columns.find((c) => c.key === "category")?.differs).toBe(false);
	});
});

describe("groups", () => {
	it("groups rows by a property in sorted value order, blanks last, keeping the row sort", () => {
		const r = applyView(model, view({ groupBy: "first_release", sort: [{ key: NAME_KEY, dir: "asc" }] }));
		expect(r.groups?.map((g) => [g.label, names(g.rows)])).toEqual([
			["2005", ["Django"]],
			["2010", ["Flask"]],
			["2018", ["FastAPI"]],
			["(null)", ["Rails"]],
			["(absent)", ["Express"]],
		]);
		const byCategory = applyView(model, view({ groupBy: "category", sort: [{ key: NAME_KEY, dir: "asc" }] }));
		expect(byCategory.groups?.map((g) => [g.value, names(g.rows)])).toEqual([
			["asynchronous", ["FastAPI"]],
			["full-stack", ["Django", "Flask", "Rails"]],
			["microframework", ["Express"]],
		]);
		expect(names(byCategory.rows)).toEqual(["FastAPI", "Django", "Flask", "Rails", "Express"]);
		expect(applyView(model, view({})).groups).toBeNull();
	});
});

describe("differences", () => {
	const three = buildModel([
		note("A", { same: "x", lang: "Python", n: 1, maybe: "v" }),
		note("B", { same: "x", lang: "Python", n: 5, maybe: "" }),
		note("C", { same: "x", lang: "Go", n: 3 }),
	]);

	it("flags columns that differ and marks only the cells that differ from a strict-majority value", () => {
		const r = applyView(three, view({}));
		const byKey = new Map(r.columns.map((c) => [c.key, c]));
		expect(byKey.get("same")?.differs).toBe(false);
		expect(byKey.get("lang")?.differs).toBe(true);
		// Python in 2 of 3 rows is a strict majority: only Go is marked.
		expect(cellDiffers(r, "lang", "F/C.md")).toBe(true);
		expect(cellDiffers(r, "lang", "F/A.md")).toBe(false);
		expect(cellDiffers(r, "same", "F/A.md")).toBe(false);
		// Every value different (1, 5, 3; "v", "", absent): the column differs, no cell is marked.
		expect(byKey.get("n")?.differs).toBe(true);
		expect(byKey.get("maybe")?.differs).toBe(true);
		expect(r.differingCells.get("n")).toBeUndefined();
		expect(r.differingCells.get("maybe")).toBeUndefined();
	});

	it("marks no cell when no value has a strict majority (5 categories × 2 notes each)", () => {
		const categories = ["a", "b", "c", "d", "e"];
		const m = buildModel(
			categories.flatMap((c) => [
				note(`${c}1`, { category: c, kind: "x" }),
				note(`${c}2`, { category: c, kind: c === "a" ? "y" : "x" }),
			]),
		);
		const r = applyView(m, view({}));
		const category = r.columns.find((c) => c.key === "category");
		expect(category?.differs).toBe(true);
		expect(r.differingCells.get("category")).toBeUndefined();
		expect(m.rows.some((row) => cellDiffers(r, "category", row.path))).toBe(false);
		// 9 of 10 share "x": only the one "y" is marked.
		expect([...(r.differingCells.get("kind") ?? [])]).toEqual(["F/a2.md"]);
	});

	it("marks no cell at exactly half: 2 of 4 is not a strict majority", () => {
		const m = buildModel([note("A", { v: "x" }), note("B", { v: "x" }), note("C", { v: "y" }), note("D", { v: "z" })]);
		const r = applyView(m, view({}));
		expect(r.columns[0]?.differs).toBe(true);
		expect(r.differingCells.get("v")).toBeUndefined();
	});

	it("marks both cells of every differing property when exactly two notes are compared", () => {
		const r = applyView(three, view({ selected: ["F/A.md", "F/C.md"] }));
		expect([...(r.differingCells.get("lang") ?? [])].sort()).toEqual(["F/A.md", "F/C.md"]);
		expect([...(r.differingCells.get("n") ?? [])].sort()).toEqual(["F/A.md", "F/C.md"]);
		expect([...(r.differingCells.get("maybe") ?? [])].sort()).toEqual(["F/A.md", "F/C.md"]);
		expect(r.differingCells.get("same")).toBeUndefined();
		const equal = applyView(three, view({ selected: ["F/A.md", "F/B.md"] }));
		expect(equal.differingCells.get("lang")).toBeUndefined();
		expect([...(equal.differingCells.get("n") ?? [])].sort()).toEqual(["F/A.md", "F/B.md"]);
	});

	it("treats absent and empty as different from each other and from values", () => {
		const m = buildModel([note("A", { k: "" }), note("B", {}), note("C", { k: "" })]);
		const r = applyView(m, view({}));
		expect(r.columns[0]?.differs).toBe(true);
		expect([...(r.differingCells.get("k") ?? [])]).toEqual(["F/B.md"]);
	});

	it("hides identical properties and puts differences first", () => {
		expect(applyView(three, view({ hideIdentical: true })).columns.map((c) => c.key)).toEqual(["lang", "n", "maybe"]);
		expect(applyView(three, view({ differencesFirst: true })).columns.map((c) => c.key)).toEqual(["lang", "n", "maybe", "same"]);
	});

	it("gives min and max of number columns over the shown rows", () => {
		const n = applyView(three, view({})).columns.find((c) => c.key === "n");
		expect([n?.min, n?.max]).toEqual([1, 5]);
		const some = applyView(three, view({ selected: ["F/C.md"] })).columns.find((c) => c.key === "n");
		expect([some?.min, some?.max]).toEqual([3, 3]);
		expect(applyView(three, view({})).columns.find((c) => c.key === "lang")?.min).toBeUndefined();
	});
});

describe("columns", () => {
	it("hides and reorders columns, ignoring unknown keys", () => {
		const r = applyView(model, view({ hiddenColumns: ["tags", "async"], columnOrder: ["language", "ghost", "first_release"] }));
		expect(r.columns.map((c) => c.key)).toEqual(["language", "first_release", "category"]);
	});
});

describe("views of updated models", () => {
	it("match the view of a rebuilt model after any edits, adds and deletes (property test)", () => {
		const values = pooledFrontmatterValue({
			numbers: { min: 1, max: 4 },
			strings: ["x", "y", "Y", "2024-01-01", "https://a.example"],
			structures: [["a"], ["a", "b"], []],
		});
		const fm = fc.record(
			{ a: values, b: values, n: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(undefined)) },
			{ requiredKeys: [] },
		);
		const change = fc.record({
			kind: fc.constantFrom("set", "set", "set", "set", "set", "delete"),
			i: fc.integer({ min: 0, max: 4 }),
			fm,
		});
		const options = fc.record({
			sort: fc.constantFrom(
				[],
				[{ key: "a", dir: "asc" as const }],
				[
					{ key: "n", dir: "desc" as const },
					{ key: NAME_KEY, dir: "asc" as const },
				],
			),
			filters: fc.constantFrom<Record<string, string[]>>({}, { b: ["x", STATE_TOKENS.absent] }, { n: ["1", "2", "3"] }),
			search: fc.constantFrom("", "x"),
		});
		const summary = (r: ReturnType<typeof applyView>) => ({
			rows: r.rows.map((row) => row.path),
			columns: r.columns.map((c) => [c.key, c.type, c.differs, c.min, c.max, [...(r.differingCells.get(c.key) ?? [])].sort()]),
		});
		fc.assert(
			fc.property(
				fc.array(fm, { minLength: 1, maxLength: 5 }),
				fc.array(change, { maxLength: 30, size: "max" }),
				options,
				fc.boolean(),
				(initial, changes, opts, batch) => {
					let notes = initial.map((f, i) => note(`N${i}`, f));
					let model = buildModel(notes);
					const v = view(opts);
					applyView(model, v);
					const pending: ModelChange[] = [];
					for (const c of changes) {
						const path = `F/N${c.i}.md`;
						if (c.kind === "delete") {
							notes = notes.filter((n) => n.path !== path);
							pending.push({ deleted: path });
						} else {
							const n = note(`N${c.i}`, c.fm);
							const at = notes.findIndex((x) => x.path === path);
							if (at >= 0) notes[at] = n;
							else notes.push(n);
							pending.push(n);
						}
						if (!batch) {
							model = updateModel(model, pending.splice(0));
							expect(summary(applyView(model, v))).toEqual(summary(applyView(buildModel(notes), v)));
						}
					}
					if (batch) {
						model = updateModel(model, pending);
						expect(summary(applyView(model, v))).toEqual(summary(applyView(buildModel(notes), v)));
					}
				},
			),
			{ numRuns: 400 },
		);
	});
});

describe("regressions", () => {
	it("updates min/max when a number at the edge becomes a checkbox (found by the property test)", () => {
		const notes = [note("N0", { a: 2 }), note("N1", {}), note("N2", { a: 2 }), note("N3", { a: 1 })];
		let m = buildModel(notes);
		applyView(m, view({}));
		m = updateModel(m, note("N3", { a: true }));
		const a = applyView(m, view({})).columns.find((c) => c.key === "a");
		expect([a?.min, a?.max]).toEqual([2, 2]);
	});

	it("does not take true for 1 or a date for its timestamp when comparing", () => {
		const m = buildModel([note("A", { v: true }), note("B", { v: 1 })]);
		expect(applyView(m, view({})).columns[0]?.differs).toBe(true);
	});
});
