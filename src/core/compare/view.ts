/**
 * Model + view options → what to show: selection, filters, search, multi-key sort, groups,
 * visible columns, and which cells differ.
 */

import { ABSENT, EMPTY, NULL, collator, facetTexts } from "./cells";
import { cellOf } from "./model";
import type {
	Cell,
	ComparisonModel,
	FacetValue,
	FuzzyMatcher,
	Row,
	RowGroup,
	Transposed,
	ViewColumn,
	ViewOptions,
	ViewResult,
} from "./types";

/** Sort key for the note name (as in Bases). */
export const NAME_KEY = "file.name";

/** Facet / group values standing for the cell states (never equal to a real value's text). */
export const STATE_TOKENS = Object.freeze({ absent: "\u0000absent", empty: "\u0000empty", null: "\u0000null" });

const STATE_LABELS: ReadonlyMap<string, string> = new Map([
	[STATE_TOKENS.absent, "(absent)"],
	[STATE_TOKENS.empty, "(empty)"],
	[STATE_TOKENS.null, "(null)"],
]);

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = Object.freeze({
	sort: [],
	search: "",
	filters: {},
	groupBy: null,
	hiddenColumns: [],
	hideIdentical: false,
	differencesFirst: false,
});

/** Plain-text label of a facet value or group value. */
export function facetLabel(value: string): string {
	return STATE_LABELS.get(value) ?? value;
}

// ---------------------------------------------------------------- search

const haystacks = new WeakMap<Row, string>();

function haystack(row: Row): string {
	let text = haystacks.get(row);
	if (text === undefined) {
		const parts = [row.basename];
		for (const cell of row.cells.values()) if (cell.state === "value") parts.push(cell.display);
		text = parts.join("\n");
		haystacks.set(row, text);
	}
	return text;
}

function searchFilter(query: string, fuzzy: FuzzyMatcher | undefined): ((row: Row) => boolean) | null {
	const q = query.trim();
	if (q === "") return null;
	if (fuzzy !== undefined) return (row) => fuzzy(q, haystack(row)) !== null;
	const terms = q.toLowerCase().split(/\s+/);
	return (row) => {
		const text = haystack(row).toLowerCase();
		return terms.every((t) => text.includes(t));
	};
}

// ---------------------------------------------------------------- sort

/** 0 = value, then empty, null, absent: blanks always sort last, whatever the direction. */
function blankRank(cell: Cell): number {
	return cell.state === "empty" ? 1 : cell.state === "null" ? 2 : cell.state === "absent" ? 3 : 0;
}

/** Compare two sort keys: numbers before strings, numbers numerically, strings naturally. */
export function compareSortKeys(a: number | string, b: number | string): number {
	if (typeof a === "number") {
		if (typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
		return -1;
	}
	if (typeof b === "number") return 1;
	return a === b ? 0 : collator.compare(a, b);
}

interface Keyed {
	readonly row: Row;
	readonly ranks: number[];
	readonly keys: (number | string)[];
}

function sortRows(rows: readonly Row[], sort: ViewOptions["sort"]): Row[] {
	if (sort.length === 0) return rows.slice();
	const keyed: Keyed[] = rows.map((row) => {
		const ranks: number[] = [];
		const keys: (number | string)[] = [];
		for (const s of sort) {
			if (s.key === NAME_KEY) {
				ranks.push(0);
				keys.push(row.basename);
				continue;
			}
			const cell = cellOf(row, s.key);
			ranks.push(blankRank(cell));
			keys.push(cell.state === "value" ? cell.sortKey : 0);
		}
		return { row, ranks, keys };
	});
	const dirs = sort.map((s) => (s.dir === "desc" ? -1 : 1));
	keyed.sort((a, b) => {
		for (let i = 0; i < dirs.length; i++) {
			const ra = a.ranks[i];
			const rb = b.ranks[i];
			if (ra !== rb) return ra - rb;
			if (ra !== 0) continue;
			const c = compareSortKeys(a.keys[i], b.keys[i]);
			if (c !== 0) return c * (dirs[i] as number);
		}
		return 0;
	});
	return keyed.map((k) => k.row);
}

// ---------------------------------------------------------------- groups

function groupValue(cell: Cell): string {
	switch (cell.state) {
		case "absent":
			return STATE_TOKENS.absent;
		case "empty":
			return STATE_TOKENS.empty;
		case "null":
			return STATE_TOKENS.null;
		default:
			return cell.display;
	}
}

function groupRows(rows: readonly Row[], key: string): RowGroup[] {
	const buckets = new Map<string, { cell: Cell; rows: Row[] }>();
	for (const row of rows) {
		const cell = cellOf(row, key);
		const value = groupValue(cell);
		let bucket = buckets.get(value);
		if (bucket === undefined) {
			bucket = { cell, rows: [] };
			buckets.set(value, bucket);
		}
		bucket.rows.push(row);
	}
	const entries = [...buckets.entries()];
	entries.sort(([, a], [, b]) => {
		const ra = blankRank(a.cell);
		const rb = blankRank(b.cell);
		if (ra !== rb) return ra - rb;
		if (a.cell.state !== "value" || b.cell.state !== "value") return 0;
		return compareSortKeys(a.cell.sortKey, b.cell.sortKey);
	});
	return entries.map(([value, b]) => ({ value, label: facetLabel(value), rows: b.rows }));
}

// ---------------------------------------------------------------- differences

/** A value that is equal for equal cells: the shared state cell, or the number / display text. */
function identity(cell: Cell): unknown {
	if (cell.state !== "value") return cell.state === "absent" ? ABSENT : cell.state === "empty" ? EMPTY : NULL;
	return typeof cell.sortKey === "number" ? cell.sortKey : cell.display;
}

interface ColumnFacts {
	readonly differs: boolean;
	readonly differing: ReadonlySet<string> | null;
	readonly min?: number;
	readonly max?: number;
}

function columnFacts(rows: readonly Row[], key: string, numeric: boolean): ColumnFacts {
	const counts = new Map<unknown, number>();
	const ids: unknown[] = new Array<unknown>(rows.length);
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < rows.length; i++) {
		const cell = cellOf(rows[i], key);
		const id = identity(cell);
		ids[i] = id;
		counts.set(id, (counts.get(id) ?? 0) + 1);
		if (numeric && cell.state === "value" && cell.type === "number" && typeof cell.sortKey === "number") {
			if (cell.sortKey < min) min = cell.sortKey;
			if (cell.sortKey > max) max = cell.sortKey;
		}
	}
	const range = numeric && min <= max ? { min, max } : {};
	if (counts.size <= 1) return { differs: false, differing: null, ...range };
	let top: unknown = undefined;
	let topCount = 0;
	let tie = false;
	for (const [id, n] of counts) {
		if (n > topCount) {
			top = id;
			topCount = n;
			tie = false;
		} else if (n === topCount) {
			tie = true;
		}
	}
	const differing = new Set<string>();
	for (let i = 0; i < rows.length; i++) if (tie || ids[i] !== top) differing.add((rows[i]).path);
	return { differs: true, differing, ...range };
}

// ---------------------------------------------------------------- apply

function orderedColumns(model: ComparisonModel, view: ViewOptions) {
	const hidden = new Set(view.hiddenColumns);
	const byKey = new Map(model.columns.map((c) => [c.key, c]));
	const out = [];
	const seen = new Set<string>();
	for (const key of view.columnOrder ?? []) {
		const col = byKey.get(key);
		if (col !== undefined && !seen.has(key)) {
			out.push(col);
			seen.add(key);
		}
	}
	for (const col of model.columns) if (!seen.has(col.key)) out.push(col);
	return out.filter((c) => !hidden.has(c.key));
}

/**
 * Select, filter, search, sort and group the rows, then work out the visible columns and the
 * differences among the shown rows.
 */
export function applyView(model: ComparisonModel, view: ViewOptions, fuzzy?: FuzzyMatcher): ViewResult {
	let rows: readonly Row[] = model.rows;
	const selected = view.selected ?? [];
	if (selected.length > 0) {
		const wanted = new Set(selected);
		rows = rows.filter((r) => wanted.has(r.path));
	}
	for (const [key, accepted] of Object.entries(view.filters)) {
		if (accepted.length === 0) continue;
		const set = new Set(accepted);
		rows = rows.filter((r) => facetTexts(cellOf(r, key), STATE_TOKENS).some((t) => set.has(t)));
	}
	const matches = searchFilter(view.search, fuzzy);
	if (matches !== null) rows = rows.filter(matches);
	let sorted = sortRows(rows, view.sort);
	let groups: RowGroup[] | null = null;
	if (view.groupBy !== null && view.groupBy !== "") {
		groups = groupRows(sorted, view.groupBy);
		sorted = groups.flatMap((g) => g.rows);
	}

	const sortIndex = new Map(view.sort.map((s, i) => [s.key, i]));
	const differingCells = new Map<string, ReadonlySet<string>>();
	let columns: ViewColumn[] = orderedColumns(model, view).map((col) => {
		const facts = columnFacts(sorted, col.key, col.type === "number");
		if (facts.differing !== null) differingCells.set(col.key, facts.differing);
		const out: { -readonly [K in keyof ViewColumn]: ViewColumn[K] } = { ...col, differs: facts.differs };
		if (facts.min !== undefined) out.min = facts.min;
		if (facts.max !== undefined) out.max = facts.max;
		const si = sortIndex.get(col.key);
		if (si !== undefined) {
			out.sortIndex = si;
			out.sortDir = view.sort[si]?.dir;
		}
		return out;
	});
	if (view.hideIdentical) columns = columns.filter((c) => c.differs);
	if (view.differencesFirst) columns = [...columns.filter((c) => c.differs), ...columns.filter((c) => !c.differs)];
	return { model, columns, rows: sorted, groups, totalRows: model.rows.length, differingCells };
}

export function cellDiffers(view: ViewResult, key: string, path: string): boolean {
	return view.differingCells.get(key)?.has(path) ?? false;
}

/** Distinct values of a property (list items one by one), most common first, blanks last. */
export function facetValues(model: ComparisonModel, key: string): FacetValue[] {
	const counts = new Map<string, number>();
	for (const row of model.rows) {
		const seen = new Set(facetTexts(cellOf(row, key), STATE_TOKENS));
		for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	const isToken = (v: string) => STATE_LABELS.has(v);
	return [...counts.entries()]
		.sort(([a, na], [b, nb]) => {
			const ta = isToken(a);
			const tb = isToken(b);
			if (ta !== tb) return ta ? 1 : -1;
			return nb - na || collator.compare(a, b);
		})
		.map(([value, count]) => ({ value, label: facetLabel(value), count }));
}

/** Notes-as-columns layout of a view. */
export function transposed(view: ViewResult): Transposed {
	return {
		notes: view.rows,
		lines: view.columns.map((column) => ({ column, cells: view.rows.map((r) => cellOf(r, column.key)) })),
	};
}
