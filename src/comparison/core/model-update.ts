/**
 * Cheap updates of a comparison model when notes change, are added or are deleted.
 */

import { columnType, makeRow, orderColumns, scanConflicts, tally } from "./model";
import type { Column, ColumnStats, ComparisonModel, ModelChange, PropertyTypeName, Row, TypeConflict } from "./types";

function isDeletion(change: ModelChange): change is { readonly deleted: string } {
	return "deleted" in change && typeof (change as { deleted?: unknown }).deleted === "string";
}

/**
 * Per model, the index of each path in its rows. Models `updateModel` derives without adding or
 * deleting rows keep every path where it was, so they share their origin's index; others make
 * theirs on their first update. Never changed once made.
 */
const pathIndexes = new WeakMap<ComparisonModel, ReadonlyMap<string, number>>();

/**
 * Make what `updateModel` needs to find a changed note in `model` now (the pane does it after a
 * rebuild, so that the first live update does not pay for it).
 */
export function prepareUpdates(model: ComparisonModel): void {
	pathIndex(model);
}

function pathIndex(model: ComparisonModel): ReadonlyMap<string, number> {
	let index = pathIndexes.get(model);
	if (index === undefined) {
		const made = new Map<string, number>();
		model.rows.forEach((r, i) => made.set(r.path, i));
		index = made;
		pathIndexes.set(model, index);
	}
	return index;
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
	/** The model's path index, and the paths this batch deleted (-1) or added since. */
	const index = pathIndex(model);
	const moved = new Map<string, number>();
	const find = (path: string): number => moved.get(path) ?? index.get(path) ?? -1;
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
				moved.set(path, -1);
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
			moved.set(path, slots.length);
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
	const next = { ...model, columns: orderColumns(columns, model.templateOrder), rows, stats, origin };
	if (!structural) pathIndexes.set(next, index);
	return next;
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
