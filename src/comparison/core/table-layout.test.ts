import { describe, expect, it } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS } from "./index";
import {
	ariaSort,
	COLUMN_WIDTH,
	columnSignature,
	EMPTY_LAYOUT,
	headerSignature,
	sortRank,
	sortSignature,
	sortState,
	tableLayout,
	type Viewport,
} from "./table-layout";
import type { NoteInput } from "./types";

function note(i: number, category: string): NoteInput {
	return { path: `N${i}.md`, basename: `N${i}`, frontmatter: { category, rank: i }, frontmatterError: null };
}

const NOTES = Array.from({ length: 40 }, (_, i) => note(i, i % 2 === 0 ? "even" : "odd"));
const model = buildModel(NOTES);
const flat = applyView(model, DEFAULT_VIEW_OPTIONS);
const grouped = applyView(model, { ...DEFAULT_VIEW_OPTIONS, groupBy: "category" });
const viewport = (top: number, left = 0, height = 320, width = 960): Viewport => ({ top, left, height, width });

describe("tableLayout: rows", () => {
	it("has one line per note and one keyboard column per property", () => {
		const layout = tableLayout(flat, "rows");
		expect(layout.lineCount).toBe(40);
		expect(layout.columnCount).toBe(2);
		expect(layout.items.every((item) => item.kind === "row")).toBe(true);
	});

	it("puts a heading line before each group's notes", () => {
		const layout = tableLayout(grouped, "rows");
		expect(layout.lineCount).toBe(42);
		expect(layout.items[0]).toMatchObject({ kind: "group", group: { label: "even" } });
		expect(layout.items[21]).toMatchObject({ kind: "group", group: { label: "odd" } });
		expect(layout.items.filter((item) => item.kind === "row")).toHaveLength(40);
	});

	it("renders the lines in view plus a buffer, and every column", () => {
		const layout = tableLayout(flat, "rows");
		expect(layout.rowWindow(viewport(0), 32)).toEqual({ start: 0, end: 17 });
		expect(layout.rowWindow(viewport(32 * 20), 32)).toEqual({ start: 13, end: 36 });
		expect(layout.columnWindow(viewport(0, 5000))).toEqual({ start: 0, end: 2 });
	});

	it("scrolls vertically to a line out of view, not for the header row or a line in view", () => {
		const layout = tableLayout(flat, "rows");
		expect(layout.scrollFor(-1, 1, viewport(500), 32)).toBeNull();
		expect(layout.scrollFor(3, 1, viewport(0), 32)).toBeNull();
		expect(layout.scrollFor(2, 1, viewport(320), 32)).toEqual({ top: 64 });
		expect(layout.scrollFor(30, 1, viewport(0), 32)).toEqual({ top: 30 * 32 - (320 - 64) });
	});
});

describe("tableLayout: transposed", () => {
	it("has one line per property and one keyboard column per note", () => {
		const layout = tableLayout(grouped, "columns");
		expect(layout.items).toEqual([]);
		expect(layout.lineCount).toBe(2);
		expect(layout.columnCount).toBe(40);
	});

	it("renders every line and the note columns in view plus a buffer", () => {
		const layout = tableLayout(flat, "columns");
		expect(layout.rowWindow(viewport(5000), 32)).toEqual({ start: 0, end: 2 });
		expect(layout.columnWindow(viewport(0, 0))).toEqual({ start: 0, end: 9 });
		expect(layout.columnWindow(viewport(0, COLUMN_WIDTH * 11))).toEqual({ start: 8, end: 19 });
	});

	it("scrolls horizontally to a note out of view, not for the name column", () => {
		const layout = tableLayout(flat, "columns");
		expect(layout.scrollFor(1, 0, viewport(0, 800), 32)).toBeNull();
		expect(layout.scrollFor(1, 2, viewport(0, 0), 32)).toBeNull();
		expect(layout.scrollFor(1, 2, viewport(0, 800), 32)).toEqual({ left: COLUMN_WIDTH });
		expect(layout.scrollFor(1, 20, viewport(0, 0), 32)).toEqual({ left: 19 * COLUMN_WIDTH - (960 - 2 * COLUMN_WIDTH) });
	});
});

describe("tableLayout: nothing shown", () => {
	it("is empty", () => {
		expect(EMPTY_LAYOUT.lineCount).toBe(0);
		expect(EMPTY_LAYOUT.columnCount).toBe(0);
		expect(EMPTY_LAYOUT.rowWindow(viewport(0), 32)).toEqual({ start: 0, end: 0 });
		expect(EMPTY_LAYOUT.columnWindow(viewport(0))).toEqual({ start: 0, end: 0 });
	});
});

describe("signatures and sort marks", () => {
	it("changes the column signature with the orientation, editability or a column's range", () => {
		const base = columnSignature(flat, "rows", true);
		expect(columnSignature(flat, "rows", true)).toBe(base);
		expect(columnSignature(flat, "columns", true)).not.toBe(base);
		expect(columnSignature(flat, "rows", false)).not.toBe(base);
		const fewer = applyView(buildModel(NOTES.slice(0, 5)), DEFAULT_VIEW_OPTIONS);
		expect(columnSignature(fewer, "rows", true)).not.toBe(base);
	});

	it("changes the header signature with the selection and the rendered note columns", () => {
		const columns = columnSignature(flat, "rows", true);
		const all = new Set(NOTES.map((n) => n.path));
		const window = { start: 0, end: 2 };
		expect(headerSignature(columns, flat, "rows", new Set(), window)).not.toBe(headerSignature(columns, flat, "rows", all, window));
		expect(headerSignature(columns, flat, "columns", new Set(), window)).not.toBe(
			headerSignature(columns, flat, "columns", new Set(), { start: 1, end: 3 }),
		);
	});

	it("describes the sort of a header", () => {
		const sort = [
			{ key: "rank", dir: "desc" as const },
			{ key: "category", dir: "asc" as const },
		];
		expect(sortState(sort, "category")).toEqual({ index: 1, dir: "asc" });
		expect(sortState(sort, "file.name")).toBeNull();
		expect(ariaSort("asc")).toBe("ascending");
		expect(ariaSort("desc")).toBe("descending");
		expect(ariaSort(undefined)).toBe("none");
		expect(sortRank(sort, "rank")).toBe(" 1");
		expect(sortRank(sort, "category")).toBe(" 2");
		expect(sortRank([{ key: "rank", dir: "asc" }], "rank")).toBeNull();
		expect(sortSignature(sort)).toBe("rank:desc,category:asc");
	});
});
