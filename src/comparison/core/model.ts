/**
 * Notes → columns and rows, and cheap updates when one note changes.
 */

import { DEFAULT_PROPERTIES } from "../../shared/core/framework-note";
import { CellMap, recentShape, ROOT_SHAPE, type Shape, shapeOf } from "./cellmap";
import { ABSENT, collator } from "./cells";
import { type KindRule, KINDS, kindCode, kindRule, VALUE_KINDS } from "./kinds";
import { fits, inferColumnType, resolveDeclared } from "./property-types";
import type { BuildOptions, Cell, Column, ColumnStats, ComparisonModel, NoteInput, PropertyTypeName, Row, TypeConflict } from "./types";

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

/**
 * A row's shape (its keys, `undefined` values left out) and values, from the note's frontmatter.
 * `inheritsNoKeys`: nothing enumerable was added to `Object.prototype` (see `inheritsNoKeys()`).
 */
function rowCells(note: NoteInput, declared: ReadonlyMap<string, PropertyTypeName>, inheritsNoKeys: boolean): CellMap {
	const fm = note.frontmatter;
	if (fm === null) return CellMap.lazy(ROOT_SHAPE, EMPTY_VALUES, declared);
	if (inheritsNoKeys && Object.getPrototypeOf(fm) === Object.prototype) {
		const shape = recentShape();
		const values = valuesInOrder(fm, shape.keys);
		if (values !== null) return CellMap.lazy(shape, values, declared);
	}
	const keys = Object.keys(fm);
	// Of exactly its length (`push` would leave room for more in every row).
	const values = new Array<unknown>(keys.length);
	let n = 0;
	for (let i = 0; i < keys.length; i++) {
		const value = fm[keys[i]];
		if (value === undefined) continue;
		if (n < i) keys[n] = keys[i];
		values[n++] = value;
	}
	if (n < keys.length) keys.length = values.length = n;
	return CellMap.lazy(shapeOf(keys), values, declared);
}

/**
 * The values of `fm` when its keys are exactly `keys` in this order and none is undefined, else
 * null. Rows made from one template usually have the previous row's keys; `for...in` visits a
 * plain object's own keys in the order `Object.keys` gives (then inherited ones, of which there
 * are none when `Object.prototype` has nothing enumerable) and reads each value without a lookup
 * by name, and no list of keys is made.
 */
function valuesInOrder(fm: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown[] | null {
	const values = new Array<unknown>(keys.length);
	let i = 0;
	for (const key in fm) {
		if (i === keys.length || key !== keys[i]) return null;
		const value = fm[key];
		if (value === undefined) return null;
		values[i++] = value;
	}
	return i === keys.length ? values : null;
}

/** Whether `for...in` over a plain object visits only its own keys: nothing enumerable on `Object.prototype`. */
function inheritsNoKeys(): boolean {
	return Object.keys(Object.prototype).length === 0;
}

const EMPTY_VALUES: readonly unknown[] = Object.freeze([]);

export function makeRow(note: NoteInput, declared: ReadonlyMap<string, PropertyTypeName>): Row {
	return rowOf(note, declared, inheritsNoKeys());
}

function rowOf(note: NoteInput, declared: ReadonlyMap<string, PropertyTypeName>, inheritsNoKeys: boolean): Row {
	const cells = rowCells(note, declared, inheritsNoKeys);
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

export function tally(stats: Map<string, ColumnStats>, row: Row, sign: 1 | -1): void {
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

export function columnType(key: string, stats: ColumnStats, declared: ReadonlyMap<string, PropertyTypeName>): PropertyTypeName {
	return declared.get(key) ?? inferColumnType(stats.typeCounts);
}

export function scanConflicts(key: string, type: PropertyTypeName, rows: readonly Row[]): TypeConflict[] {
	const out: TypeConflict[] = [];
	for (const row of rows) {
		const kind = kindIn(row, key);
		if (kind !== "absent" && kind !== "empty" && kind !== "null" && !fits(type, kind)) {
			out.push({ path: row.path, basename: row.basename, actualType: kind });
		}
	}
	return out;
}

export function orderColumns(columns: Column[], templateOrder: readonly string[]): Column[] {
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

/** Per property while building: how many notes have it and how many values of each kind. */
interface KeyTally {
	readonly key: string;
	readonly rule: KindRule;
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
	private readonly enumerate: boolean;

	constructor(options: BuildOptions = {}) {
		this.declaredTypes = resolveDeclared(options.propertyTypes);
		this.templateOrder = options.templateOrder ?? DEFAULT_TEMPLATE_ORDER;
		this.enumerate = options.enumerateValues ?? true;
	}

	/** How many notes were added. */
	get size(): number {
		return this.rows.length;
	}

	add(notes: readonly NoteInput[]): void {
		const { declaredTypes, byShape, rows } = this;
		const plain = this.enumerate && inheritsNoKeys();
		let lastShape: Shape | null = null;
		let slots: KeyTally[] = [];
		for (let i = 0; i < notes.length; i++) {
			const row = rowOf(notes[i], declaredTypes, plain);
			rows.push(row);
			const cells = row.cells as CellMap;
			const shape = cells.shapeOf();
			if (shape !== lastShape) {
				lastShape = shape;
				slots = byShape.get(shape) ?? this.slotsOf(shape);
			}
			const values = cells.rawValues();
			for (let j = 0; j < slots.length; j++) {
				const t = slots[j];
				t.present++;
				t.kinds[kindCode(values[j], t.rule)]++;
			}
		}
	}

	/** The tallies of a shape's keys in slot order (made for new keys), remembered for the shape. */
	private slotsOf(shape: Shape): KeyTally[] {
		const { declaredTypes, tallies } = this;
		const slots = shape.keys.map((key) => {
			let t = tallies.get(key);
			if (t === undefined) {
				t = { key, rule: kindRule(declaredTypes.get(key)), present: 0, kinds: new Int32Array(KINDS.length) };
				tallies.set(key, t);
			}
			return t;
		});
		this.byShape.set(shape, slots);
		return slots;
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
