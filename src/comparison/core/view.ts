/**
 * Model + view options → what to show: selection, filters, search, multi-key sort, groups,
 * visible columns, and which cells differ.
 */

import { ABSENT, EMPTY, NULL, cellIdentity, collator, facetTexts } from "./cells";
import { CellMap, type InternTable, internId } from "./cellmap";
import { buildRankTable, rankOf } from "./collation";
import { cellOf } from "./model";
import type {
	Cell,
	ComparisonModel,
	FacetValue,
	FuzzyMatcher,
	RankTable,
	Row,
	RowGroup,
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
		const cells = row.cells;
		const parts = [row.basename];
		if (cells instanceof CellMap) parts.push(...cells.displays());
		else for (const cell of cells.values()) if (cell.state === "value") parts.push(cell.display);
		text = parts.join("\n").toLowerCase();
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
		const text = haystack(row);
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

/** Sort classes: number value, text value, then the blanks (always last). */
const CLASS_NUMBER = 0;
const CLASS_TEXT = 1;
const CLASS_EMPTY = 2;
const CLASS_NULL = 3;
const CLASS_ABSENT = 4;

function rankTable(model: ComparisonModel, key: string): RankTable {
	let table = model.collation.get(key);
	if (table === undefined) {
		const strings: string[] = [];
		for (const row of model.rows) {
			if (key === NAME_KEY) {
				strings.push(row.basename);
				continue;
			}
			const cell = row.cells.get(key);
			if (cell !== undefined && cell.state === "value" && typeof cell.sortKey === "string") strings.push(cell.sortKey);
		}
		table = buildRankTable(strings);
		model.collation.set(key, table);
	}
	return table;
}

/** Per shown row (in model order): its sort class and value for one key. */
interface SortColumn {
	readonly cls: Uint8Array;
	readonly val: Float64Array;
}

function sortColumn(model: ComparisonModel, rows: readonly Row[], key: string): SortColumn {
	const n = rows.length;
	const cls = new Uint8Array(n);
	const val = new Float64Array(n);
	let table: RankTable | undefined;
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		if (key === NAME_KEY) {
			table ??= rankTable(model, key);
			cls[i] = CLASS_TEXT;
			val[i] = rankOf(table, row.basename);
			continue;
		}
		const cell = cellOf(row, key);
		if (cell.state === "value") {
			if (typeof cell.sortKey === "number") {
				cls[i] = CLASS_NUMBER;
				val[i] = cell.sortKey;
			} else {
				table ??= rankTable(model, key);
				cls[i] = CLASS_TEXT;
				val[i] = rankOf(table, cell.sortKey);
			}
		} else {
			cls[i] = cell.state === "empty" ? CLASS_EMPTY : cell.state === "null" ? CLASS_NULL : CLASS_ABSENT;
		}
	}
	return { cls, val };
}

/**
 * Multi-key sort. Per key: numbers before text (reversed when descending), text by collation
 * rank, blanks last in both directions (empty, null, absent); ties keep the model order.
 */
function sortOrder(model: ComparisonModel, rows: readonly Row[], sort: ViewOptions["sort"], cache: Map<string, SortColumn>): number[] {
	const order = Array.from({ length: rows.length }, (_, i) => i);
	if (sort.length === 0) return order;
	const columns = sort.map((s) => {
		let column = cache.get(s.key);
		if (column === undefined) {
			column = sortColumn(model, rows, s.key);
			cache.set(s.key, column);
		}
		return { cls: column.cls, val: column.val, dir: s.dir === "desc" ? -1 : 1 };
	});
	order.sort((a, b) => {
		for (const { cls, val, dir } of columns) {
			const ca = cls[a];
			const cb = cls[b];
			if (ca !== cb) return ca <= CLASS_TEXT && cb <= CLASS_TEXT ? (ca - cb) * dir : ca - cb;
			if (ca > CLASS_TEXT) continue;
			const va = val[a];
			const vb = val[b];
			if (va !== vb) return va < vb ? -dir : dir;
		}
		return a - b;
	});
	return order;
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

/** The group of each shown row (model order), and each group's value, label and a sample cell. */
interface GroupColumn {
	readonly bucket: Int32Array;
	readonly groups: readonly { readonly value: string; readonly cell: Cell }[];
}

function groupColumn(rows: readonly Row[], key: string): GroupColumn {
	const index = new Map<string, number>();
	const groups: { value: string; cell: Cell }[] = [];
	const bucket = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const cell = cellOf(rows[i], key);
		const value = groupValue(cell);
		let b = index.get(value);
		if (b === undefined) {
			b = groups.length;
			index.set(value, b);
			groups.push({ value, cell });
		}
		bucket[i] = b;
	}
	return { bucket, groups };
}

/** Groups in sorted value order (blanks last), each holding its rows in `order`. */
function groupRows(rows: readonly Row[], order: readonly number[], column: GroupColumn): RowGroup[] {
	const members: Row[][] = column.groups.map(() => []);
	for (const i of order) members[column.bucket[i]].push(rows[i]);
	const ranked = column.groups.map((g, i) => ({ ...g, rows: members[i] })).filter((g) => g.rows.length > 0);
	ranked.sort((a, b) => {
		const ra = blankRank(a.cell);
		const rb = blankRank(b.cell);
		if (ra !== rb) return ra - rb;
		if (a.cell.state !== "value" || b.cell.state !== "value") return 0;
		return compareSortKeys(a.cell.sortKey, b.cell.sortKey);
	});
	return ranked.map((g) => ({ value: g.value, label: facetLabel(g.value), rows: g.rows }));
}

// ---------------------------------------------------------------- differences

interface ColumnFacts {
	readonly differs: boolean;
	readonly differing: ReadonlySet<string> | null;
	readonly min?: number;
	readonly max?: number;
	readonly numeric: boolean;
	/** Shown rows per value id (null when all shown cells are equal); owned by one cache entry. */
	readonly counts: Int32Array | null;
	/** The most common value id, and whether more than half of the shown rows have it. */
	readonly top: number;
	readonly majority: boolean;
}

/** Value ids of the cell states; values get ids from 3 on. */
const ABSENT_ID = 0;

function internTable(model: ComparisonModel, key: string): InternTable {
	let table = model.interns.get(key);
	if (table === undefined) {
		table = {
			ids: new Map<unknown, number>([
				[ABSENT, ABSENT_ID],
				[EMPTY, 1],
				[NULL, 2],
			]),
		};
		model.interns.set(key, table);
	}
	return table;
}

function valueId(row: Row, key: string, table: InternTable): number {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.valueId(key, table, ABSENT_ID);
	return internId(table, cellIdentity(cells.get(key) ?? ABSENT));
}

/**
 * Which cells of a column are marked as differing (the highlight rule):
 * - a column *differs* when the shown rows do not all have the same value (its header says so);
 * - when exactly two rows are shown (two notes compared, e.g. a selection of two), both cells of
 *   every differing column are marked: comparing two notes is about seeing every difference;
 * - otherwise a cell is marked only when the column has a *strict majority* value (more than half
 *   of the shown rows share it) and the cell's value is not that value. Without a strict majority
 *   (e.g. 5 categories × 2 notes each) no cell is marked: the header marker alone says that the
 *   property differs, instead of painting the whole column.
 */
type MarkRule = "both" | "minority" | "none";

function markRule(shown: number, topCount: number): MarkRule {
	if (shown === 2) return "both";
	return topCount * 2 > shown ? "minority" : "none";
}

/** Whether a column differs among the shown rows, which of its cells are marked, its number range. */
function columnFacts(
	rows: readonly Row[],
	key: string,
	numeric: boolean,
	allShown: () => ReadonlySet<string>,
	table: InternTable,
): ColumnFacts {
	const n = rows.length;
	const ids = new Int32Array(n);
	let min = Infinity;
	let max = -Infinity;
	let same = true;
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		const id = valueId(row, key, table);
		ids[i] = id;
		if (i > 0 && id !== ids[0]) same = false;
		if (numeric) {
			const value = numberOf(row, key);
			if (value !== null) {
				if (value < min) min = value;
				if (value > max) max = value;
			}
		}
	}
	const range = numeric && min <= max ? { min, max } : {};
	if (same) return { differs: false, differing: null, ...range, numeric, counts: null, top: n > 0 ? ids[0] : -1, majority: n > 0 };
	const counts = new Int32Array(table.ids.size);
	for (let i = 0; i < n; i++) counts[ids[i]]++;
	const { top, topCount } = mode(counts);
	const rule = markRule(n, topCount);
	const majority = topCount * 2 > n;
	if (rule === "both") return { differs: true, differing: allShown(), ...range, numeric, counts, top, majority };
	if (rule === "none") return { differs: true, differing: null, ...range, numeric, counts, top, majority };
	const differing = new Set<string>();
	for (let i = 0; i < n; i++) if (ids[i] !== top) differing.add(rows[i].path);
	return { differs: true, differing, ...range, numeric, counts, top, majority };
}

/** The number of a number cell (as it sorts), else null. */
function numberOf(row: Row, key: string): number | null {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.numberOf(key);
	const cell = cells.get(key);
	return cell !== undefined && cell.state === "value" && cell.type === "number" && typeof cell.sortKey === "number" ? cell.sortKey : null;
}

/** The most common id (the lowest id among equals), its count, and how many ids occur at all. */
function mode(counts: Int32Array): { top: number; topCount: number; distinct: number } {
	let top = -1;
	let topCount = 0;
	let distinct = 0;
	for (let id = 0; id < counts.length; id++) {
		const count = counts[id];
		if (count === 0) continue;
		distinct++;
		if (count > topCount) {
			top = id;
			topCount = count;
		}
	}
	return { top, topCount, distinct };
}

/**
 * Column facts after some shown rows were replaced (same paths, same shown set), or null when
 * they must be recounted. Takes over `previous.counts`; copies the differing set before changing it.
 */
function updatedFacts(
	previous: ColumnFacts,
	key: string,
	numeric: boolean,
	pairs: readonly (readonly [Row, Row])[],
	shown: ReadonlySet<string>,
	table: InternTable,
): ColumnFacts | null {
	if (previous.numeric !== numeric) return null;
	if (numeric) {
		for (const [o, n] of pairs) {
			const before = numberOf(o, key);
			const after = numberOf(n, key);
			const wasEdge = before !== null && (before === previous.min || before === previous.max);
			const outside =
				after !== null &&
				(previous.min === undefined || previous.max === undefined || after < previous.min || after > previous.max);
			if (wasEdge || outside) return null;
		}
	}
	const changes = pairs.map(([o, n]) => [o.path, valueId(o, key, table), valueId(n, key, table)] as const);
	if (changes.every(([, before, after]) => before === after)) return previous;
	let counts = previous.counts;
	if (counts === null) return null;
	if (counts.length < table.ids.size) {
		const grown = new Int32Array(table.ids.size);
		grown.set(counts);
		counts = grown;
	}
	for (const [, before, after] of changes) {
		counts[before]--;
		counts[after]++;
	}
	const { top, topCount, distinct } = mode(counts);
	if (distinct <= 1) return null;
	const range = previous.min === undefined ? {} : { min: previous.min, max: previous.max as number };
	const n = shown.size;
	const rule = markRule(n, topCount);
	const majority = topCount * 2 > n;
	if (rule === "both") return { differs: true, differing: shown, ...range, numeric, counts, top, majority };
	if (rule === "none") return { differs: true, differing: null, ...range, numeric, counts, top, majority };
	if (!previous.majority || !previous.differs || top !== previous.top || previous.differing === null) return null;
	const differing = new Set(previous.differing);
	for (const [path, , after] of changes) {
		if (after === top) differing.delete(path);
		else differing.add(path);
	}
	return { differs: true, differing, ...range, numeric, counts, top, majority };
}

// ---------------------------------------------------------------- apply

/**
 * Column facts depend on which rows are shown, not on their order or grouping: they are kept per
 * model for the last selection / filters / search, so re-sorting or regrouping skips them.
 */
interface FactsEntry {
	readonly key: string;
	readonly fuzzy: FuzzyMatcher | undefined;
	readonly facts: Map<string, ColumnFacts>;
	/** Paths of the shown rows. */
	readonly shown: ReadonlySet<string>;
	/** Sort keys and groups per property over the shown rows (model order): a re-sort reuses them. */
	readonly sortColumns: Map<string, SortColumn>;
	readonly groupColumns: Map<string, GroupColumn>;
	/** Facts of the model this one came from, to update column by column. */
	readonly carried: { readonly facts: Map<string, ColumnFacts>; readonly pairs: readonly (readonly [Row, Row])[] } | null;
}

const factsCache = new WeakMap<ComparisonModel, FactsEntry>();

function factsFor(model: ComparisonModel, view: ViewOptions, fuzzy: FuzzyMatcher | undefined, rows: readonly Row[]): FactsEntry {
	const filters = Object.entries(view.filters).filter(([, v]) => v.length > 0);
	const key = JSON.stringify([view.selected ?? [], filters, view.search.trim()]);
	const cached = factsCache.get(model);
	if (cached !== undefined && cached.key === key && cached.fuzzy === fuzzy) return cached;
	let carried: FactsEntry["carried"] = null;
	let shown: ReadonlySet<string> | null = null;
	const origin = model.origin;
	const before = origin?.model ? factsCache.get(origin.model) : undefined;
	if (
		origin?.model &&
		!origin.structural &&
		before !== undefined &&
		before.key === key &&
		before.fuzzy === fuzzy &&
		before.shown.size === rows.length
	) {
		const nowShown = new Set(rows);
		if (origin.replaced.every(([o, n]) => before.shown.has(o.path) === nowShown.has(n))) {
			factsCache.delete(origin.model);
			shown = before.shown;
			carried = { facts: before.facts, pairs: origin.replaced.filter(([o]) => before.shown.has(o.path)) };
		}
	}
	const entry: FactsEntry = {
		key,
		fuzzy,
		facts: new Map(),
		shown: shown ?? new Set(rows.map((r) => r.path)),
		carried,
		sortColumns: new Map(),
		groupColumns: new Map(),
	};
	factsCache.set(model, entry);
	return entry;
}

function factsOf(model: ComparisonModel, entry: FactsEntry, rows: readonly Row[], key: string, numeric: boolean): ColumnFacts {
	let facts = entry.facts.get(key);
	if (facts !== undefined) return facts;
	const table = internTable(model, key);
	const previous = entry.carried?.facts.get(key);
	if (previous !== undefined && entry.carried !== null)
		facts = updatedFacts(previous, key, numeric, entry.carried.pairs, entry.shown, table) ?? undefined;
	facts ??= columnFacts(rows, key, numeric, () => entry.shown, table);
	entry.facts.set(key, facts);
	return facts;
}

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
	// Everything below depends on which rows are shown, not on their order: cached per model and
	// row set (`FactsEntry`), so a header click only sorts numbers and regroups.
	const entry = factsFor(model, view, fuzzy, rows);
	const order = sortOrder(model, rows, view.sort, entry.sortColumns);
	let sorted: Row[];
	let groups: RowGroup[] | null = null;
	if (view.groupBy !== null && view.groupBy !== "") {
		let column = entry.groupColumns.get(view.groupBy);
		if (column === undefined) {
			column = groupColumn(rows, view.groupBy);
			entry.groupColumns.set(view.groupBy, column);
		}
		groups = groupRows(rows, order, column);
		sorted = groups.flatMap((g) => g.rows);
	} else {
		sorted = order.map((i) => rows[i]);
	}

	const sortIndex = new Map(view.sort.map((s, i) => [s.key, i]));
	const differingCells = new Map<string, ReadonlySet<string>>();
	let columns: ViewColumn[] = orderedColumns(model, view).map((col) => {
		const colFacts = factsOf(model, entry, rows, col.key, col.type === "number");
		if (colFacts.differing !== null) differingCells.set(col.key, colFacts.differing);
		const out: { -readonly [K in keyof ViewColumn]: ViewColumn[K] } = { ...col, differs: colFacts.differs };
		if (colFacts.min !== undefined) out.min = colFacts.min;
		if (colFacts.max !== undefined) out.max = colFacts.max;
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
