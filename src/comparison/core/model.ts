/**
 * Notes → columns and rows, and cheap updates when one note changes.
 */

import { DEFAULT_PROPERTIES } from "../../shared/core/framework-note";
import { CellMap, childShape, ROOT_SHAPE, type Shape } from "./cellmap";
import { ABSENT, cellKind, collator } from "./cells";
import { fits, inferColumnType, resolveDeclared } from "./property-types";
import type {
	BuildOptions,
	Cell,
	Column,
	ColumnStats,
	ComparisonModel,
	ModelChange,
	NoteInput,
	PropertyTypeName,
	Row,
	TypeConflict,
} from "./types";

/** The framework-note template's property order (default column order). */
export const DEFAULT_TEMPLATE_ORDER: readonly string[] = Object.freeze([...DEFAULT_PROPERTIES]);

export function cellOf(row: Row, key: string): Cell {
	return row.cells.get(key) ?? ABSENT;
}

/** The cell of `key`, made for this read only when the row has not made it yet (exports read each cell once). */
export function transientCell(row: Row, key: string): Cell {
	const cells = row.cells;
	return cells instanceof CellMap ? cells.peek(key) : (cells.get(key) ?? ABSENT);
}

/** The frontmatter value of `key` (undefined when absent), without making its cell. */
export function rawOf(row: Row, key: string): unknown {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.rawOf(key);
	const cell = cells.get(key);
	return cell === undefined || cell.state === "absent" ? undefined : cell.state === "null" ? null : cell.raw;
}

/** A row's shape (its keys, `undefined` values left out) and values, from the note's frontmatter. */
function rowCells(note: NoteInput, declared: ReadonlyMap<string, PropertyTypeName>): CellMap {
	const fm = note.frontmatter;
	if (fm === null) return CellMap.lazy(ROOT_SHAPE, EMPTY_VALUES, declared);
	let shape = ROOT_SHAPE;
	const keys = Object.keys(fm);
	// Of exactly its length (`push` would leave room for more in every row).
	const values = new Array<unknown>(keys.length);
	let n = 0;
	for (let i = 0; i < keys.length; i++) {
		const key = keys[i];
		const value = fm[key];
		if (value === undefined) continue;
		shape = childShape(shape, key);
		values[n++] = value;
	}
	values.length = n;
	return CellMap.lazy(shape, values, declared);
}

const EMPTY_VALUES: readonly unknown[] = Object.freeze([]);

function makeRow(note: NoteInput, declared: ReadonlyMap<string, PropertyTypeName>): Row {
	const cells = rowCells(note, declared);
	return note.mtime === undefined
		? { path: note.path, basename: note.basename, warning: note.frontmatterError, cells }
		: { path: note.path, basename: note.basename, warning: note.frontmatterError, cells, mtime: note.mtime };
}

/** The state, or for a value its type, of a row's cell (without making the cell when possible). */
function kindIn(row: Row, key: string): PropertyTypeName | "absent" | "empty" | "null" {
	const cells = row.cells;
	if (cells instanceof CellMap) return cells.kindOf(key);
	const cell = cells.get(key);
	return cell === undefined ? "absent" : cell.state === "value" ? cell.type : cell.state;
}

function tally(stats: Map<string, ColumnStats>, row: Row, sign: 1 | -1): void {
	for (const key of row.cells.keys()) {
		let s = stats.get(key);
		if (s === undefined) {
			s = { present: 0, typeCounts: new Map() };
			stats.set(key, s);
		}
		s.present += sign;
		const kind = kindIn(row, key);
		if (kind !== "absent" && kind !== "empty" && kind !== "null") {
			const n = (s.typeCounts.get(kind) ?? 0) + sign;
			if (n > 0) s.typeCounts.set(kind, n);
			else s.typeCounts.delete(kind);
		}
	}
}

function columnType(key: string, stats: ColumnStats, declared: ReadonlyMap<string, PropertyTypeName>): PropertyTypeName {
	return declared.get(key) ?? inferColumnType(stats.typeCounts);
}

function scanConflicts(key: string, type: PropertyTypeName, rows: readonly Row[]): TypeConflict[] {
	const out: TypeConflict[] = [];
	for (const row of rows) {
		const kind = kindIn(row, key);
		if (kind !== "absent" && kind !== "empty" && kind !== "null" && !fits(type, kind)) {
			out.push({ path: row.path, basename: row.basename, actualType: kind });
		}
	}
	return out;
}

function orderColumns(columns: Column[], templateOrder: readonly string[]): Column[] {
	const rank = new Map<string, number>();
	templateOrder.forEach((key, i) => {
		if (!rank.has(key)) rank.set(key, i);
	});
	return columns.sort((a, b) => {
		const ra = rank.get(a.key) ?? Infinity;
		const rb = rank.get(b.key) ?? Infinity;
		if (ra !== rb) return ra < rb ? -1 : 1;
		if (a.coverage.present !== b.coverage.present) return b.coverage.present - a.coverage.present;
		return collator.compare(a.key, b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
	});
}

/** Kinds a value can have while building (see `cellKind`): the types, then "empty" and "null". */
const KINDS: readonly (PropertyTypeName | "empty" | "null" | "absent")[] = [
	"text",
	"number",
	"checkbox",
	"date",
	"datetime",
	"list",
	"links",
	"tags",
	"url",
	"object",
	"unknown",
	"empty",
	"null",
	"absent",
];
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));
const VALUE_KINDS = 11;

/** Per property while building: how many notes have it and how many values of each kind. */
interface KeyTally {
	readonly key: string;
	readonly declared: PropertyTypeName | undefined;
	present: number;
	readonly kinds: Int32Array;
}

/**
 * Builds a model note by note: `add` slices of notes, ask for the `model()` of the notes added so
 * far at any point (a first screen while the rest is read), and keep adding. The model of every
 * note added, in order, is the one `buildModel` makes of them all at once.
 */
export class ModelBuilder {
	private readonly declaredTypes: ReadonlyMap<string, PropertyTypeName>;
	private readonly templateOrder: readonly string[];
	private readonly tallies = new Map<string, KeyTally>();
	/** The tallies of a shape's keys in slot order: one lookup per row instead of one per value. */
	private readonly byShape = new Map<Shape, KeyTally[]>();
	private readonly rows: Row[] = [];

	constructor(options: BuildOptions = {}) {
		this.declaredTypes = resolveDeclared(options.propertyTypes);
		this.templateOrder = options.templateOrder ?? DEFAULT_TEMPLATE_ORDER;
	}

	/** How many notes were added. */
	get size(): number {
		return this.rows.length;
	}

	add(notes: readonly NoteInput[]): void {
		const { declaredTypes, tallies, byShape, rows } = this;
		for (let i = 0; i < notes.length; i++) {
			const row = makeRow(notes[i], declaredTypes);
			rows.push(row);
			const cells = row.cells as CellMap;
			const shape = cells.shapeOf();
			if (shape.keys.length === 0) continue;
			let slots = byShape.get(shape);
			if (slots === undefined) {
				slots = shape.keys.map((key) => {
					let t = tallies.get(key);
					if (t === undefined) {
						t = { key, declared: declaredTypes.get(key), present: 0, kinds: new Int32Array(KINDS.length) };
						tallies.set(key, t);
					}
					return t;
				});
				byShape.set(shape, slots);
			}
			const values = cells.rawValues();
			for (let j = 0; j < slots.length; j++) {
				const t = slots[j];
				t.present++;
				t.kinds[KIND_INDEX.get(cellKind(values[j], t.declared)) as number]++;
			}
		}
	}

	/** The model of the notes added so far (later `add`s do not change it). */
	model(): ComparisonModel {
		const { declaredTypes, templateOrder } = this;
		const rows = this.rows.slice();
		const stats = new Map<string, ColumnStats>();
		const columns: Column[] = [];
		for (const [key, t] of this.tallies) {
			if (t.present === 0) continue;
			const typeCounts = new Map<PropertyTypeName, number>();
			for (let k = 0; k < VALUE_KINDS; k++) if (t.kinds[k] > 0) typeCounts.set(KINDS[k] as PropertyTypeName, t.kinds[k]);
			const s: ColumnStats = { present: t.present, typeCounts };
			stats.set(key, s);
			const type = columnType(key, s, declaredTypes);
			let misfit = false;
			for (const actual of typeCounts.keys()) if (!fits(type, actual)) misfit = true;
			const conflicts = misfit ? scanConflicts(key, type, rows) : [];
			columns.push({ key, type, declared: declaredTypes.has(key), coverage: { present: t.present, total: rows.length }, conflicts });
		}
		return {
			columns: orderColumns(columns, templateOrder),
			rows,
			declaredTypes,
			templateOrder,
			stats,
			collation: new Map(),
			interns: new Map(),
		};
	}
}

export function buildModel(notes: readonly NoteInput[], options: BuildOptions = {}): ComparisonModel {
	const builder = new ModelBuilder(options);
	builder.add(notes);
	return builder.model();
}

function isDeletion(change: ModelChange): change is { readonly deleted: string } {
	return "deleted" in change && typeof (change as { deleted?: unknown }).deleted === "string";
}

function copyStats(s: ColumnStats): ColumnStats {
	return { present: s.present, typeCounts: new Map(s.typeCounts) };
}

/**
 * Apply changes (a changed or new note, or `{ deleted: path }`). Rows of unchanged notes are
 * reused by identity; only the columns the changed notes touch are recomputed, and a column's
 * conflicts are rescanned only when its type changes.
 */
export function updateModel(model: ComparisonModel, change: ModelChange | readonly ModelChange[]): ComparisonModel {
	const changes: readonly ModelChange[] = Array.isArray(change) ? change : [change as ModelChange];
	if (changes.length === 0) return model;
	const rows = model.rows.slice();
	const stats = new Map(model.stats);
	const copied = new Set<string>();
	const touched = new Map<string, { removed: Set<string>; added: Row[] }>();

	const own = (key: string): ColumnStats => {
		const current = stats.get(key);
		if (current !== undefined && copied.has(key)) return current;
		const fresh = current === undefined ? { present: 0, typeCounts: new Map<PropertyTypeName, number>() } : copyStats(current);
		stats.set(key, fresh);
		copied.add(key);
		return fresh;
	};
	const touch = (key: string): { removed: Set<string>; added: Row[] } => {
		let t = touched.get(key);
		if (t === undefined) {
			t = { removed: new Set(), added: [] };
			touched.set(key, t);
		}
		return t;
	};
	const remove = (row: Row): void => {
		for (const key of row.cells.keys()) {
			own(key);
			touch(key).removed.add(row.path);
		}
		const partial = new Map<string, ColumnStats>();
		for (const key of row.cells.keys()) partial.set(key, stats.get(key) as ColumnStats);
		tally(partial, row, -1);
	};
	const add = (row: Row): void => {
		for (const key of row.cells.keys()) {
			own(key);
			touch(key).added.push(row);
		}
		const partial = new Map<string, ColumnStats>();
		for (const key of row.cells.keys()) partial.set(key, stats.get(key) as ColumnStats);
		tally(partial, row, 1);
	};

	const replaced = new Map<string, [Row, Row]>();
	let structural = false;
	/** Deleted rows become holes until the end, so indexes stay valid during the batch. */
	const slots: (Row | null)[] = rows;
	/** Rows made in this batch, and those of them replaced or deleted later in it. */
	const made = new Set<Row>();
	const stale = new Set<Row>();
	/** Small batches scan the rows; large ones (a sync, a first indexing) use a path index. */
	const index = changes.length > 16 ? new Map(rows.map((r, i) => [r.path, i])) : null;
	const find = (path: string): number =>
		index !== null ? (index.get(path) ?? -1) : slots.findIndex((r) => r !== null && r.path === path);
	for (const c of changes) {
		const path = isDeletion(c) ? c.deleted : c.path;
		const at = find(path);
		const old = at >= 0 ? slots[at] : null;
		if (old !== null && old !== undefined) {
			remove(old);
			if (made.has(old)) stale.add(old);
		}
		if (isDeletion(c)) {
			if (at >= 0) {
				slots[at] = null;
				index?.delete(path);
				structural = true;
			}
			continue;
		}
		const row = makeRow(c, model.declaredTypes);
		made.add(row);
		add(row);
		if (old !== null && old !== undefined) {
			slots[at] = row;
			const pair = replaced.get(path);
			if (pair !== undefined) replaced.set(path, [pair[0], row]);
			else if (!made.has(old)) replaced.set(path, [old, row]);
		} else {
			index?.set(path, slots.length);
			slots.push(row);
			structural = true;
		}
	}
	if (structural) {
		let w = 0;
		for (const r of slots) if (r !== null) rows[w++] = r;
		rows.length = w;
	}

	const byKey = new Map(model.columns.map((col) => [col.key, col]));
	const sizeChanged = rows.length !== model.rows.length;
	const columns: Column[] = [];
	for (const [key, s] of stats) {
		const previous = byKey.get(key);
		const t = touched.get(key);
		if (s.present <= 0) continue;
		if (t === undefined && previous !== undefined) {
			columns.push(sizeChanged ? { ...previous, coverage: { present: s.present, total: rows.length } } : previous);
			continue;
		}
		const type = columnType(key, s, model.declaredTypes);
		let conflicts: TypeConflict[];
		if (previous !== undefined && previous.type === type && t !== undefined) {
			conflicts = previous.conflicts.filter((x) => !t.removed.has(x.path));
			const fresh = scanConflicts(key, type, stale.size === 0 ? t.added : t.added.filter((r) => !stale.has(r)));
			if (fresh.length > 0) conflicts = inRowOrder([...conflicts, ...fresh], rows);
		} else {
			conflicts = scanConflicts(key, type, rows);
		}
		const unchanged =
			previous !== undefined &&
			previous.type === type &&
			previous.coverage.present === s.present &&
			previous.coverage.total === rows.length &&
			sameConflicts(previous.conflicts, conflicts);
		columns.push(
			unchanged
				? previous
				: { key, type, declared: model.declaredTypes.has(key), coverage: { present: s.present, total: rows.length }, conflicts },
		);
	}
	for (const [key, s] of stats) if (s.present <= 0) stats.delete(key);
	if (model.origin !== undefined) model.origin.model = null;
	const origin = { model, replaced: [...replaced.values()], structural };
	return { ...model, columns: orderColumns(columns, model.templateOrder), rows, stats, origin };
}

function sameConflicts(a: readonly TypeConflict[], b: readonly TypeConflict[]): boolean {
	return a.length === b.length && a.every((x, i) => x.path === b[i]?.path && x.actualType === b[i]?.actualType);
}

function inRowOrder(conflicts: TypeConflict[], rows: readonly Row[]): TypeConflict[] {
	const byPath = new Map<string, TypeConflict>();
	for (const c of conflicts) byPath.set(c.path, c);
	const out: TypeConflict[] = [];
	for (const row of rows) {
		const c = byPath.get(row.path);
		if (c !== undefined) out.push(c);
	}
	return out;
}
