/**
 * A read-only set made from another by adding and removing a few members, without copying it:
 * the marked cells of a column after one note changed in a pane of 100k notes. A chain of them
 * stays one level deep, and a set whose patch grows large is copied once into a plain set.
 */

/** Patches larger than this are folded into a copy of the set. */
const MAX_PATCH = 256;

class PatchedSet implements ReadonlySet<string> {
	constructor(
		readonly base: ReadonlySet<string>,
		/** Member or not, for the values whose membership differs from `base`. */
		readonly patch: ReadonlyMap<string, boolean>,
		readonly size: number,
	) {}

	has(value: string): boolean {
		return this.patch.get(value) ?? this.base.has(value);
	}

	*values(): SetIterator<string> {
		for (const value of this.base) if (this.patch.get(value) !== false) yield value;
		for (const [value, member] of this.patch) if (member) yield value;
	}

	keys(): SetIterator<string> {
		return this.values();
	}

	*entries(): SetIterator<[string, string]> {
		for (const value of this.values()) yield [value, value];
	}

	forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
		for (const value of this.values()) callback.call(thisArg, value, value, this);
	}

	[Symbol.iterator](): SetIterator<string> {
		return this.values();
	}
}

/** `set` with each `[value, member]` of `changes` added (true) or removed (false). */
export function patchedSet(set: ReadonlySet<string>, changes: Iterable<readonly [string, boolean]>): ReadonlySet<string> {
	const base = set instanceof PatchedSet ? set.base : set;
	const patch = new Map(set instanceof PatchedSet ? set.patch : []);
	let size = set.size;
	for (const [value, member] of changes) {
		if ((patch.get(value) ?? base.has(value)) === member) continue;
		size += member ? 1 : -1;
		if (base.has(value) === member) patch.delete(value);
		else patch.set(value, member);
	}
	if (patch.size === 0) return base;
	if (patch.size <= MAX_PATCH) return new PatchedSet(base, patch, size);
	const copy = new Set(base);
	for (const [value, member] of patch) {
		if (member) copy.add(value);
		else copy.delete(value);
	}
	return copy;
}
