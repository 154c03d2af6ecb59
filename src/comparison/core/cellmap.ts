/**
 * A compact read-only map of a row's cells. Rows whose notes have the same keys in the same
 * order (the usual case: notes made from one template) share one key index (a `Shape`), so a row
 * costs one small object and one array instead of a hash table of its own.
 *
 * Cells are made lazily: a row keeps the frontmatter values and builds a cell the first time it
 * is read (then keeps it). Building the model needs only each value's kind (`kinds.ts`), the
 * pane reads the cells of the rows in view, and differences, number ranges and search take quick
 * paths for plain scalars; so 10k notes × 15 properties do not cost 150k cell objects up front.
 */

import { ABSENT, cellIdentity, makeCell, NEEDS_CELL, quickDisplay, quickIdentity } from "./cells";
import { kindOf } from "./kinds";
import type { Cell, PropertyTypeName } from "./types";

export class Shape {
	readonly next = new Map<string, Shape>();
	constructor(
		readonly keys: readonly string[],
		readonly index: ReadonlyMap<string, number>,
	) {}
}

export const ROOT_SHAPE = new Shape([], new Map());
/** Shapes kept for reuse; past this many, new key sequences get unshared shapes. */
const MAX_SHAPES = 10_000;
let shapeCount = 0;

/** The shape after `shape` with `key` appended (shared when known). */
export function childShape(shape: Shape, key: string): Shape {
	const known = shape.next.get(key);
	if (known !== undefined) return known;
	const index = new Map(shape.index);
	index.set(key, shape.keys.length);
	const made = new Shape([...shape.keys, key], index);
	if (shapeCount < MAX_SHAPES) {
		shape.next.set(key, made);
		shapeCount++;
	}
	return made;
}

/** The shape asked for last: rows made from one template have the same keys, so usually the next one's. */
let recent = ROOT_SHAPE;

/** The shape `shapeOf` gave last. */
export function recentShape(): Shape {
	return recent;
}

/** The shape of `keys` in this order (unique keys). */
export function shapeOf(keys: readonly string[]): Shape {
	const known = recent.keys;
	if (known.length === keys.length) {
		let i = 0;
		while (i < keys.length && keys[i] === known[i]) i++;
		if (i === keys.length) return recent;
	}
	let shape = ROOT_SHAPE;
	for (let i = 0; i < keys.length; i++) shape = childShape(shape, keys[i]);
	recent = shape;
	return shape;
}

/** Small integer ids for the distinct values of one column (see `CellMap.valueId`). */
export interface InternTable {
	readonly ids: Map<unknown, number>;
}

const NO_DECLARED: ReadonlyMap<string, PropertyTypeName> = new Map();

export class CellMap implements ReadonlyMap<string, Cell> {
	/** Per slot, 1 + the value id in its column's intern table (0: not yet known). */
	private valueIds: number[] | null = null;
	/** Cells made so far, by slot. */
	private cellList: (Cell | undefined)[] | null;

	private constructor(
		private readonly shape: Shape,
		/** Frontmatter values by slot (never `undefined`), or null when built from cells. */
		private readonly raw: readonly unknown[] | null,
		cells: Cell[] | null,
		private readonly declared: ReadonlyMap<string, PropertyTypeName>,
	) {
		this.cellList = cells;
	}

	/** Build from keys and cells in order (keys unique). */
	static of(keys: readonly string[], cells: readonly Cell[]): CellMap {
		let shape = ROOT_SHAPE;
		for (const key of keys) shape = childShape(shape, key);
		return new CellMap(shape, null, cells.slice(), NO_DECLARED);
	}

	/**
	 * Cells made on first read from frontmatter values: `values[i]` is the value of
	 * `shape.keys[i]` (none `undefined`), `declared` the declared property types.
	 */
	static lazy(shape: Shape, values: readonly unknown[], declared: ReadonlyMap<string, PropertyTypeName>): CellMap {
		return new CellMap(shape, values, null, declared);
	}

	/** @internal The key sequence (shared by rows with the same keys in the same order). */
	shapeOf(): Shape {
		return this.shape;
	}

	/** @internal The frontmatter values by slot (empty when built from cells). */
	rawValues(): readonly unknown[] {
		return this.raw ?? [];
	}

	/** The cell in `slot`, made now if needed. */
	private at(slot: number): Cell {
		let list = this.cellList;
		if (list === null) {
			list = new Array<Cell | undefined>(this.shape.keys.length);
			this.cellList = list;
		}
		let cell = list[slot];
		if (cell === undefined) {
			const raw = this.raw as readonly unknown[];
			cell = makeCell(raw[slot], this.declared.get(this.shape.keys[slot]));
			list[slot] = cell;
		}
		return cell;
	}

	/** The cell in `slot` when it was made already, else undefined. */
	private made(slot: number): Cell | undefined {
		return this.cellList?.[slot];
	}

	/**
	 * The id of this row's value for `key` in `table`, remembered per slot; `absentId` when the
	 * row lacks the key. A row belongs to one model lineage, and that lineage uses one table per
	 * key, so the remembered id stays valid.
	 */
	valueId(key: string, table: InternTable, absentId: number): number {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return absentId;
		const ids = (this.valueIds ??= new Array<number>(this.shape.keys.length).fill(0));
		const known = ids[slot];
		if (known > 0) return known - 1;
		let identity: unknown = NEEDS_CELL;
		if (this.raw !== null && this.made(slot) === undefined) identity = quickIdentity(this.raw[slot], this.declared.get(key));
		if (identity === NEEDS_CELL) identity = cellIdentity(this.at(slot));
		const id = internId(table, identity);
		ids[slot] = id + 1;
		return id;
	}

	/** `cellIdentity` of the cell for `key` (ABSENT when missing), without keeping a cell made for it. */
	identityOf(key: string): unknown {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return ABSENT;
		if (this.raw !== null && this.made(slot) === undefined) {
			const quick = quickIdentity(this.raw[slot], this.declared.get(key));
			if (quick !== NEEDS_CELL) return quick;
		}
		return cellIdentity(this.peek(key));
	}

	/** The number of a number cell (its sort key), or null for any other cell or none. */
	numberOf(key: string): number | null {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return null;
		const cell = this.made(slot);
		if (cell === undefined && this.raw !== null) {
			// Only finite numbers and bigints make number cells (see `kindCode`).
			const value = this.raw[slot];
			if (typeof value === "number") return Number.isFinite(value) ? value : null;
			return typeof value === "bigint" ? Number(value) : null;
		}
		const c = cell ?? this.at(slot);
		return c.state === "value" && c.type === "number" && typeof c.sortKey === "number" ? c.sortKey : null;
	}

	/** The cell for `key` (absent when missing); one not made yet is made for this read only, not kept. */
	peek(key: string): Cell {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return ABSENT;
		const cell = this.made(slot);
		if (cell !== undefined || this.raw === null) return cell ?? this.at(slot);
		return makeCell(this.raw[slot], this.declared.get(key));
	}

	/** The frontmatter value for `key` (undefined when missing), without making its cell. */
	rawOf(key: string): unknown {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return undefined;
		if (this.raw !== null) return this.raw[slot];
		const cell = this.at(slot);
		return cell.state === "absent" ? undefined : cell.state === "null" ? null : cell.raw;
	}

	/** What the cell for `key` is (state, or type for a value) without making it; "absent" when missing. */
	kindOf(key: string): PropertyTypeName | "absent" | "empty" | "null" {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return "absent";
		const cell = this.made(slot);
		if (cell === undefined && this.raw !== null) return kindOf(this.raw[slot], this.declared.get(key));
		const c = cell ?? this.at(slot);
		return c.state === "value" ? c.type : c.state;
	}

	/** Display texts of the value cells, in key order (search). */
	displays(): string[] {
		const out: string[] = [];
		const keys = this.shape.keys;
		for (let i = 0; i < keys.length; i++) {
			let text: string | null | typeof NEEDS_CELL = NEEDS_CELL;
			if (this.raw !== null && this.made(i) === undefined) text = quickDisplay(this.raw[i], this.declared.get(keys[i]));
			if (text === NEEDS_CELL) {
				const cell = this.at(i);
				text = cell.state === "value" ? cell.display : null;
			}
			if (text !== null) out.push(text);
		}
		return out;
	}

	get size(): number {
		return this.shape.keys.length;
	}

	get(key: string): Cell | undefined {
		const i = this.shape.index.get(key);
		return i === undefined ? undefined : this.at(i);
	}

	has(key: string): boolean {
		return this.shape.index.has(key);
	}

	forEach(callback: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
		const keys = this.shape.keys;
		for (let i = 0; i < keys.length; i++) callback.call(thisArg, this.at(i), keys[i], this);
	}

	*entries(): MapIterator<[string, Cell]> {
		const keys = this.shape.keys;
		for (let i = 0; i < keys.length; i++) yield [keys[i], this.at(i)];
	}

	keys(): MapIterator<string> {
		return this.shape.keys[Symbol.iterator]();
	}

	*values(): MapIterator<Cell> {
		for (let i = 0; i < this.shape.keys.length; i++) yield this.at(i);
	}

	[Symbol.iterator](): MapIterator<[string, Cell]> {
		return this.entries();
	}
}

export function internId(table: InternTable, value: unknown): number {
	let id = table.ids.get(value);
	if (id === undefined) {
		id = table.ids.size;
		table.ids.set(value, id);
	}
	return id;
}
