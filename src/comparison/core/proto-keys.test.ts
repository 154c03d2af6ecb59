/**
 * Properties named like `Object.prototype` members (`__proto__`, `constructor`, `toString`,
 * `hasOwnProperty`) are ordinary properties everywhere: chips, filters, saved state, exports.
 */
import { describe, expect, it } from "vitest";
import { paneReducer } from "./pane-state";
import {
	applyView,
	buildModel,
	DEFAULT_VIEW_STATE,
	facetValues,
	filterValues,
	parsePropertyTypes,
	parseViewState,
	serializeViewState,
	toJson,
	toViewOptions,
} from "./index";
import type { ComparisonViewState, NoteInput } from "./index";

const KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty"] as const;

function note(basename: string, json: string): NoteInput {
	// JSON.parse makes `__proto__` an own property, as a YAML parser does.
	return { path: `F/${basename}.md`, basename, frontmatter: JSON.parse(json) as Record<string, unknown>, frontmatterError: null };
}

const model = buildModel([
	note("A", '{"__proto__": "p1", "constructor": "c1", "toString": "t1", "hasOwnProperty": "h1"}'),
	note("B", '{"__proto__": "p2", "constructor": "c2", "toString": "t2", "hasOwnProperty": "h2"}'),
	note("C", '{"__proto__": "p1", "constructor": "c2", "toString": "t1", "hasOwnProperty": "h2"}'),
]);

function filtered(key: string, value: string, state: ComparisonViewState = DEFAULT_VIEW_STATE): ComparisonViewState {
	return paneReducer(state, { type: "toggleFilterValue", key, value });
}

const shown = (state: ComparisonViewState) => applyView(model, toViewOptions(state, "")).rows.map((r) => r.basename);

describe("properties named like Object.prototype members", () => {
	it("lists their values as filter chips, most common first", () => {
		const chips = (key: string) => facetValues(model, key).map((f) => `${f.label} (${f.count})`);
		expect(chips("__proto__")).toEqual(["p1 (2)", "p2 (1)"]);
		expect(chips("constructor")).toEqual(["c2 (2)", "c1 (1)"]);
		expect(chips("toString")).toEqual(["t1 (2)", "t2 (1)"]);
		expect(chips("hasOwnProperty")).toEqual(["h2 (2)", "h1 (1)"]);
	});

	it("has no filter on them by default", () => {
		for (const key of KEYS) expect(filterValues(DEFAULT_VIEW_STATE.filters, key)).toEqual([]);
		expect(shown(DEFAULT_VIEW_STATE)).toEqual(["A", "B", "C"]);
	});

	it("narrows the rows with a filter on each of them", () => {
		expect(shown(filtered("__proto__", "p1"))).toEqual(["A", "C"]);
		expect(shown(filtered("constructor", "c2"))).toEqual(["B", "C"]);
		expect(shown(filtered("toString", "t2"))).toEqual(["B"]);
		expect(shown(filtered("hasOwnProperty", "h1"))).toEqual(["A"]);
		expect(shown(filtered("constructor", "c2", filtered("__proto__", "p1")))).toEqual(["C"]);
	});

	it("toggles and clears a filter on __proto__ without touching the others", () => {
		const both = filtered("constructor", "c1", filtered("__proto__", "p1"));
		expect(Object.keys(both.filters)).toEqual(["__proto__", "constructor"]);
		expect(filterValues(both.filters, "__proto__")).toEqual(["p1"]);
		const off = paneReducer(both, { type: "toggleFilterValue", key: "__proto__", value: "p1" });
		expect(Object.keys(off.filters)).toEqual(["constructor"]);
		const cleared = paneReducer(both, { type: "clearFilter", key: "constructor" });
		expect(Object.keys(cleared.filters)).toEqual(["__proto__"]);
		expect(filterValues(cleared.filters, "constructor")).toEqual([]);
	});

	it("round-trips the filters through saved view state (JSON)", () => {
		let state = DEFAULT_VIEW_STATE;
		for (const key of KEYS) state = filtered(key, key === "__proto__" ? "p1" : `${key[0]}1`, state);
		const saved = JSON.stringify(serializeViewState(state));
		expect(saved).toContain('"__proto__":["p1"]');
		const restored = parseViewState(JSON.parse(saved));
		for (const key of KEYS) expect(filterValues(restored.filters, key)).toEqual(filterValues(state.filters, key));
		expect(Object.keys(restored.filters)).toEqual([...KEYS]);
		expect(shown(restored)).toEqual(["A"]);
	});

	it("ignores a saved filter that is not a list, and reads no inherited key", () => {
		const restored = parseViewState({ filters: { constructor: "c1", toString: ["t2"] } });
		expect(Object.keys(restored.filters)).toEqual(["toString"]);
		expect(filterValues(restored.filters, "constructor")).toEqual([]);
		expect(filterValues(restored.filters, "valueOf")).toEqual([]);
	});

	it("takes their declared types from types.json", () => {
		const propertyTypes = parsePropertyTypes('{"types": {"__proto__": "number", "constructor": "checkbox"}}');
		const typed = buildModel([note("N", '{"__proto__": 3, "constructor": true}')], { propertyTypes });
		expect(typed.columns.map((c) => [c.key, c.type])).toEqual([
			["__proto__", "number"],
			["constructor", "checkbox"],
		]);
	});

	it("keeps them as keys in the JSON export", () => {
		const parsed = JSON.parse(toJson(model)) as { notes: { properties: Record<string, unknown> }[] };
		const first = parsed.notes[0]?.properties ?? {};
		expect(Object.hasOwn(first, "__proto__")).toBe(true);
		expect(first.__proto__).toBe("p1");
		expect(first.constructor).toBe("c1");
	});
});
