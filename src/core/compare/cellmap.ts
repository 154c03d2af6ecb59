/**
 * A compact read-only map of a row's cells. Rows whose notes have the same keys in the same
 * order (the usual case: notes made from one template) share one key index, so a row costs one
 * small object and one array instead of a hash table of its own.
 */

import type { Cell } from "./types";

class Shape {
	readonly next = new Map<string, Shape>();
	constructor(
		readonly keys: readonly string[],
		readonly index: ReadonlyMap<string, number>,
	) {}
}

const ROOT = new Shape([], new Map());
/** Shapes kept for reuse; past this many, new key sequences get unshared shapes. */
const MAX_SHAPES = 10_000;
let shapeCount = 0;

function child(shape: Shape, key: string): Shape {
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

/** Small integer ids for the distinct values of one column (see `CellMap.valueId`). */
export interface InternTable {
	readonly ids: Map<unknown, number>;
}

export class CellMap implements ReadonlyMap<string, Cell> {
	/** Per slot, 1 + the value id in its column's intern table (0: not yet known). */
	private valueIds: number[] | null = null;

	private constructor(
		private readonly shape: Shape,
		private readonly cellList: readonly Cell[],
	) {}

	/**
	 * The id of this row's value for `key` in `table`, remembered per slot. `identity` gives the
	 * value's identity; `absentId` is returned when the row lacks the key. A row belongs to one
	 * model lineage, and that lineage uses one table per key, so the remembered id stays valid.
	 */
	valueId(key: string, table: InternTable, identity: (cell: Cell) => unknown, absentId: number): number {
		const slot = this.shape.index.get(key);
		if (slot === undefined) return absentId;
		const ids = (this.valueIds ??= new Array<number>(this.cellList.length).fill(0));
		const known = ids[slot];
		if (known > 0) return known - 1;
		const id = internId(table, identity(this.cellList[slot]));
		ids[slot] = id + 1;
		return id;
	}

	/** The number of a number cell (its sort key), or null for any other cell or none. */
	numberOf(key: string): number | null {
		const cell = this.get(key);
		return cell !== undefined && cell.state === "value" && cell.type === "number" && typeof cell.sortKey === "number" ? cell.sortKey : null;
	}

	/** Build from keys and cells in order (keys unique). */
	static of(keys: readonly string[], cells: readonly Cell[]): CellMap {
		let shape = ROOT;
		for (const key of keys) shape = child(shape, key);
		return new CellMap(shape, cells);
	}

	get size(): number {
		return this.cellList.length;
	}

	get(key: string): Cell | undefined {
		const i = this.shape.index.get(key);
		return i === undefined ? undefined : this.cellList[i];
	}

	has(key: string): boolean {
		return this.shape.index.has(key);
	}

	forEach(callback: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
		const keys = this.shape.keys;
		for (let i = 0; i < keys.length; i++) callback.call(thisArg, this.cellList[i], keys[i], this);
	}

	*entries(): MapIterator<[string, Cell]> {
		const keys = this.shape.keys;
		for (let i = 0; i < keys.length; i++) yield [keys[i], this.cellList[i]];
	}

	keys(): MapIterator<string> {
		return this.shape.keys[Symbol.iterator]();
	}

	values(): MapIterator<Cell> {
		return this.cellList[Symbol.iterator]();
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
