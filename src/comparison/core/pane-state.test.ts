import { describe, expect, it } from "vitest";
import { paneReducer } from "./pane-state";
import { type ComparisonViewState, DEFAULT_VIEW_STATE } from "./view-state";

const base: ComparisonViewState = { ...DEFAULT_VIEW_STATE };

describe("paneReducer", () => {
	it("search, transpose and the toolbar toggles", () => {
		expect(paneReducer(base, { type: "search", text: "py" }).search).toBe("py");
		const transposed = paneReducer(base, { type: "transpose" });
		expect(transposed.orientation).toBe("columns");
		expect(paneReducer(transposed, { type: "transpose" }).orientation).toBe("rows");
		expect(paneReducer(base, { type: "toggle", flag: "hideIdentical" }).hideIdentical).toBe(!base.hideIdentical);
		expect(paneReducer(base, { type: "toggle", flag: "differencesFirst" }).differencesFirst).toBe(!base.differencesFirst);
	});

	it("grouping and the filter bar's property", () => {
		expect(paneReducer(base, { type: "groupBy", key: "language" }).groupBy).toBe("language");
		expect(paneReducer(base, { type: "groupBy", key: null }).groupBy).toBeNull();
		expect(paneReducer(base, { type: "filterKey", key: "category" }).filterKey).toBe("category");
	});

	it("filter chips toggle values; the last value removes the filter", () => {
		let state = paneReducer(base, { type: "toggleFilterValue", key: "language", value: "Python" });
		state = paneReducer(state, { type: "toggleFilterValue", key: "language", value: "Ruby" });
		expect(state.filters).toEqual({ language: ["Python", "Ruby"] });
		state = paneReducer(state, { type: "toggleFilterValue", key: "language", value: "Python" });
		expect(state.filters).toEqual({ language: ["Ruby"] });
		state = paneReducer(state, { type: "toggleFilterValue", key: "language", value: "Ruby" });
		expect(state.filters).toEqual({});
	});

	it("clearing one filter keeps the others", () => {
		const state = { ...base, filters: { a: ["1"], b: ["2"] } };
		expect(paneReducer(state, { type: "clearFilter", key: "a" }).filters).toEqual({ b: ["2"] });
		expect(state.filters).toEqual({ a: ["1"], b: ["2"] });
	});

	it("checking and unchecking notes; none checked turns off comparing the selection", () => {
		let state = paneReducer(base, { type: "select", paths: ["a.md", "b.md"], checked: true });
		state = paneReducer(state, { type: "toggle", flag: "onlySelected" });
		expect(state).toMatchObject({ selected: ["a.md", "b.md"], onlySelected: true });
		state = paneReducer(state, { type: "select", paths: ["a.md"], checked: false });
		expect(state).toMatchObject({ selected: ["b.md"], onlySelected: true });
		state = paneReducer(state, { type: "select", paths: ["b.md"], checked: false });
		expect(state).toMatchObject({ selected: [], onlySelected: false });
	});

	it("sorting by header clicks and by the header menu", () => {
		const clicked = paneReducer(base, { type: "clickSort", key: "language", additive: false });
		expect(clicked.sort).toEqual([{ key: "language", dir: "asc" }]);
		const byMenu = paneReducer(clicked, { type: "sortBy", key: "orm", dir: "desc" });
		expect(byMenu.sort).toEqual([{ key: "orm", dir: "desc" }]);
	});

	it("moves a column among those in view, not past either end", () => {
		const visible = ["file.name", "a", "b", "c"];
		expect(paneReducer(base, { type: "moveColumn", visible, key: "b", delta: -1 }).columnOrder).toEqual(["file.name", "b", "a", "c"]);
		expect(paneReducer(base, { type: "moveColumn", visible, key: "c", delta: 1 })).toBe(base);
		expect(paneReducer(base, { type: "moveColumn", visible, key: "missing", delta: 1 })).toBe(base);
		expect(paneReducer(base, { type: "resetColumnOrder" }).columnOrder).toEqual([]);
	});

	it("hides and shows columns", () => {
		let state = paneReducer(base, { type: "hideColumn", key: "a", hidden: true });
		state = paneReducer(state, { type: "hideColumn", key: "b", hidden: true });
		expect(state.hiddenColumns).toEqual(["a", "b"]);
		expect(paneReducer(state, { type: "hideColumn", key: "a", hidden: false }).hiddenColumns).toEqual(["b"]);
		expect(paneReducer(state, { type: "showAllColumns" }).hiddenColumns).toEqual([]);
	});
});
