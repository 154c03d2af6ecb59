import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
	barLevel,
	clickSort,
	comparisonNoteText,
	DEFAULT_VIEW_STATE,
	isGeneratedComparison,
	parseViewState,
	serializeViewState,
	toViewOptions,
	visibleWindow,
	wordwiseMatcher,
} from "../src/comparison/core/index";

describe("view state", () => {
	it("never throws on anything read from the workspace and always yields a valid state", () => {
		fc.assert(
			fc.property(fc.anything(), (raw) => {
				const state = parseViewState(raw);
				expect(["rows", "columns"]).toContain(state.orientation);
				expect(Array.isArray(state.sort)).toBe(true);
				expect(typeof state.search).toBe("string");
			}),
		);
	});

	it("round-trips through serialize / parse", () => {
		const state = {
			...DEFAULT_VIEW_STATE,
			scope: "Web",
			orientation: "columns" as const,
			sort: [{ key: "first_release", dir: "desc" as const }],
			search: "py",
			filters: { category: ["micro"] },
			filterKey: "category",
			groupBy: null,
			hiddenColumns: ["summary"],
			columnOrder: ["language", "type"],
			selected: ["Web/Flask.md"],
			onlySelected: true,
			hideIdentical: true,
			differencesFirst: true,
		};
		expect(parseViewState(JSON.parse(JSON.stringify(serializeViewState(state))))).toEqual(state);
	});

	it("drops malformed parts instead of failing", () => {
		const state = parseViewState({
			sort: [{ key: 3 }, { key: "a", dir: "sideways" }, { key: "a", dir: "desc" }],
			filters: { x: "nope", y: [1, "b"] },
			orientation: "diagonal",
		});
		expect(state.sort).toEqual([{ key: "a", dir: "asc" }]);
		expect(state.filters).toEqual({ y: ["b"] });
		expect(state.orientation).toBe("rows");
	});

	it("uses the settings' group until the user picks one, and compares the selection only when asked", () => {
		expect(toViewOptions(DEFAULT_VIEW_STATE, "category").groupBy).toBe("category");
		expect(toViewOptions({ ...DEFAULT_VIEW_STATE, groupBy: null }, "category").groupBy).toBeNull();
		expect(toViewOptions({ ...DEFAULT_VIEW_STATE, selected: ["a.md"] }, "").selected).toBeUndefined();
		expect(toViewOptions({ ...DEFAULT_VIEW_STATE, selected: ["a.md"], onlySelected: true }, "").selected).toEqual(["a.md"]);
	});
});

describe("header clicks", () => {
	it("cycles asc → desc → unsorted on plain clicks", () => {
		const once = clickSort([], "a", false);
		expect(once).toEqual([{ key: "a", dir: "asc" }]);
		const twice = clickSort(once, "a", false);
		expect(twice).toEqual([{ key: "a", dir: "desc" }]);
		expect(clickSort(twice, "a", false)).toEqual([]);
	});

	it("adds, flips and removes keys on shift-click, keeping the others", () => {
		const base = [{ key: "a", dir: "asc" as const }];
		const two = clickSort(base, "b", true);
		expect(two).toEqual([
			{ key: "a", dir: "asc" },
			{ key: "b", dir: "asc" },
		]);
		expect(clickSort(two, "b", true)).toEqual([
			{ key: "a", dir: "asc" },
			{ key: "b", dir: "desc" },
		]);
		expect(clickSort(clickSort(two, "b", true), "b", true)).toEqual(base);
		expect(clickSort(two, "b", false)).toEqual([{ key: "b", dir: "asc" }]);
	});
});

describe("virtual window", () => {
	it("covers the viewport plus the buffer and stays within bounds", () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -100, max: 400_000 }),
				fc.integer({ min: 0, max: 3000 }),
				fc.integer({ min: 0, max: 10_000 }),
				fc.integer({ min: 0, max: 20 }),
				(scroll, viewport, count, buffer) => {
					const { start, end } = visibleWindow(scroll, viewport, 32, count, buffer);
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThanOrEqual(count);
					expect(start).toBeLessThanOrEqual(end);
					const first = Math.floor(Math.max(0, scroll) / 32);
					const last = Math.floor((Math.max(0, scroll) + viewport) / 32);
					for (let i = first; i <= Math.min(last, count - 1); i++) {
						expect(i >= start && i < end).toBe(true);
					}
				},
			),
		);
	});

	it("renders a bounded number of rows however many notes there are", () => {
		const { start, end } = visibleWindow(32 * 5000, 640, 32, 10_000, 6);
		expect(end - start).toBeLessThanOrEqual(640 / 32 + 1 + 12);
	});
});

describe("number bars", () => {
	it("maps min..max onto 0..10", () => {
		expect(barLevel(2005, 2004, 2018)).toBe(1);
		expect(barLevel(2004, 2004, 2018)).toBe(0);
		expect(barLevel(2018, 2004, 2018)).toBe(10);
		expect(barLevel(5, 5, 5)).toBe(10);
		expect(barLevel(Number.NaN, 0, 1)).toBe(0);
	});
});

describe("generated comparison note", () => {
	it("is recognised by its frontmatter marker and nothing else", () => {
		const text = comparisonNoteText("Framework comparison", "| Note |\n| --- |\n", 0);
		expect(isGeneratedComparison(text)).toBe(true);
		expect(isGeneratedComparison("# Comparison\n\nframework-notes: comparison\n")).toBe(false);
		expect(isGeneratedComparison("---\ntype: framework\n---\nframework-notes: comparison\n")).toBe(false);
		expect(isGeneratedComparison("---\r\nframework-notes: comparison\r\n---\r\n")).toBe(true);
	});
});

describe("word-wise search", () => {
	/** A subsequence matcher like Obsidian's fuzzy search (score: shorter span is better). */
	const subsequence = (query: string) => (text: string) => {
		let at = 0;
		let first = -1;
		for (let i = 0; i < text.length && at < query.length; i++) {
			if (text[i] === query[at]) {
				if (first < 0) first = i;
				at++;
			}
		}
		return at === query.length ? { score: -(text.length - first) } : null;
	};

	it("finds words as substrings or fuzzily inside one word, never spread over the whole text", () => {
		const match = wordwiseMatcher(subsequence);
		const web2py = "web2py\nemphasizes ease of use with a web-based ide and no installation\npython";
		expect(match("zappa", web2py)).toBeNull();
		expect(match("ease", web2py)).not.toBeNull();
		expect(match("fstapi", "fastapi\nasync")).not.toBeNull();
		expect(match("python ide", web2py)).not.toBeNull();
		expect(match("python rust", web2py)).toBeNull();
	});
});
