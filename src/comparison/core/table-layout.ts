/**
 * The comparison table's layout, one per orientation, as plain data: which lines the body has,
 * how many keyboard columns there are, which part is in view and where to scroll to show a cell.
 * Rows: one line per note (and a line per group heading). Transposed (`columns`): one line per
 * property, the notes side by side.
 */
import type { Row, RowGroup, SortKey, ViewResult } from "./types";
import type { Orientation } from "./view-state";
import { visibleWindow, type Window } from "./virtual-window";

/** Fallbacks when layout is unknown (hidden pane, tests): CSS sets the same sizes. */
export const ROW_HEIGHT = 32;
export const COLUMN_WIDTH = 160;
/** Rows rendered above and below the viewport. */
export const ROW_BUFFER = 6;
/** Note columns rendered left and right of the viewport (transposed). */
export const COLUMN_BUFFER = 2;

/** A body line in the rows orientation: a group heading or a note. */
export type TableItem = { readonly kind: "group"; readonly group: RowGroup } | { readonly kind: "row"; readonly row: Row };

/** The scroller's scroll position and client size. */
export interface Viewport {
	readonly top: number;
	readonly left: number;
	readonly height: number;
	readonly width: number;
}

/** A new scroll position, on one axis. */
export type ScrollTarget = { readonly top: number } | { readonly left: number };

export interface TableLayout {
	readonly orientation: Orientation;
	/** Rows orientation: the body lines in order (group headings, notes). Transposed: none (one line per column). */
	readonly items: readonly TableItem[];
	/** Body line `i` (rows orientation), found without making the whole list. */
	item(i: number): TableItem | undefined;
	/** Body lines of the keyboard grid (the header row is line -1). */
	readonly lineCount: number;
	/** Keyboard columns after the first (name) column: cells are numbered 0..columnCount. */
	readonly columnCount: number;
	/** The body lines to render for this viewport. */
	rowWindow(viewport: Viewport, rowHeight: number): Window;
	/** The value columns to render for this viewport. */
	columnWindow(viewport: Viewport): Window;
	/** Where to scroll so keyboard cell (`row`, `col`) is in view; null when it already is. */
	scrollFor(row: number, col: number, viewport: Viewport, rowHeight: number): ScrollTarget | null;
}

/** The scroll position that brings `offset` into `[scroll, scroll + size]`, or null when it is inside. */
function reveal(offset: number, scroll: number, size: number): number | null {
	if (offset < scroll) return offset;
	if (offset > scroll + size) return offset - size;
	return null;
}

function rowsLayout(view: ViewResult): TableLayout {
	// Lines are found when asked for (a pane can hold 100k rows): a group heading stands before
	// its group's rows, so line `i` is found from where each group starts.
	const rows = view.rows;
	const groups = view.groups;
	const starts: number[] = [];
	let count = rows.length;
	if (groups !== null) {
		count = 0;
		for (const group of groups) {
			starts.push(count);
			count += 1 + group.rows.length;
		}
	}
	const item = (i: number): TableItem | undefined => {
		if (i < 0 || i >= count) return undefined;
		if (groups === null) return { kind: "row", row: rows[i] };
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >>> 1;
			if (starts[mid] <= i) lo = mid;
			else hi = mid - 1;
		}
		const group = groups[lo];
		const at = i - starts[lo];
		return at === 0 ? { kind: "group", group } : { kind: "row", row: group.rows[at - 1] };
	};
	let items: TableItem[] | null = null;
	const columns = view.columns.length;
	return {
		orientation: "rows",
		get items() {
			items ??= Array.from({ length: count }, (_, i) => item(i) as TableItem);
			return items;
		},
		item,
		lineCount: count,
		columnCount: columns,
		rowWindow: (viewport, rowHeight) => visibleWindow(viewport.top - rowHeight, viewport.height, rowHeight, count, ROW_BUFFER),
		columnWindow: () => ({ start: 0, end: columns }),
		scrollFor(row, _col, viewport, rowHeight) {
			if (row < 0) return null;
			const top = reveal(row * rowHeight, viewport.top, viewport.height - 2 * rowHeight);
			return top === null ? null : { top };
		},
	};
}

function columnsLayout(view: ViewResult): TableLayout {
	const lines = view.columns.length;
	const notes = view.rows.length;
	return {
		orientation: "columns",
		items: [],
		item: () => undefined,
		lineCount: lines,
		columnCount: notes,
		rowWindow: () => ({ start: 0, end: lines }),
		columnWindow: (viewport) => visibleWindow(viewport.left - COLUMN_WIDTH, viewport.width, COLUMN_WIDTH, notes, COLUMN_BUFFER),
		scrollFor(_row, col, viewport) {
			if (col <= 0) return null;
			const left = reveal((col - 1) * COLUMN_WIDTH, viewport.left, viewport.width - 2 * COLUMN_WIDTH);
			return left === null ? null : { left };
		},
	};
}

/** The layout of `view` in `orientation`. */
export function tableLayout(view: ViewResult, orientation: Orientation): TableLayout {
	return orientation === "rows" ? rowsLayout(view) : columnsLayout(view);
}

/** The layout before anything is shown: no lines, no columns. */
export const EMPTY_LAYOUT: TableLayout = {
	orientation: "rows",
	items: [],
	item: () => undefined,
	lineCount: 0,
	columnCount: 0,
	rowWindow: () => ({ start: 0, end: 0 }),
	columnWindow: () => ({ start: 0, end: 0 }),
	scrollFor: () => null,
};

/**
 * What decides the cells of a note line: when it changes, rendered lines cannot be reused
 * (orientation, editability and each column's key, type and number range).
 */
export function columnSignature(view: ViewResult, orientation: Orientation, editable: boolean): string {
	return [
		orientation,
		editable ? "e" : "r",
		...view.columns.map((c) => `${c.key}\u0001${c.type}\u0001${c.min ?? ""}\u0001${c.max ?? ""}`),
	].join("\u0002");
}

/** Everything the header row shows except the sort marks: when it is unchanged, only those are patched. */
export function headerSignature(
	columns: string,
	view: ViewResult,
	orientation: Orientation,
	selected: ReadonlySet<string>,
	window: Window,
): string {
	const shown = orientation === "rows" ? view.rows : view.rows.slice(window.start, window.end);
	return [
		columns,
		view.columns.map((c) => `${c.coverage.present}/${c.coverage.total}/${c.conflicts.length}/${c.differs ? 1 : 0}`).join(","),
		orientation === "rows"
			? String(shown.length > 0 && shown.every((r) => selected.has(r.path)))
			: shown.map((r) => `${r.path}:${selected.has(r.path) ? 1 : 0}:${r.warning ?? ""}`).join("\u0001"),
		`${window.start}:${window.end}:${view.rows.length}`,
		orientation === "columns" && view.groups ? view.groups.map((g) => `${g.value}:${g.label}:${g.rows.length}`).join("\u0001") : "",
	].join("\u0002");
}

export function sortSignature(sort: readonly SortKey[]): string {
	return sort.map((k) => `${k.key}:${k.dir}`).join(",");
}

/** Where `key` stands in the sort (0 = most significant) and its direction, or null. */
export function sortState(sort: readonly SortKey[], key: string): { index: number; dir: "asc" | "desc" } | null {
	const index = sort.findIndex((k) => k.key === key);
	const found = sort[index];
	return found ? { index, dir: found.dir } : null;
}

/** The `aria-sort` value for a direction. */
export function ariaSort(dir: "asc" | "desc" | undefined): "ascending" | "descending" | "none" {
	if (dir === "asc") return "ascending";
	if (dir === "desc") return "descending";
	return "none";
}

/** The rank shown after a header label when sorting by more than one key (" 1", " 2"), else null. */
export function sortRank(sort: readonly SortKey[], key: string): string | null {
	const sorted = sortState(sort, key);
	return sorted && sort.length > 1 ? ` ${sorted.index + 1}` : null;
}
