/** Maps keyed by vault path, kept in step with renames and deletions of notes and folders. */

/**
 * Move the entry of `map` at `from` to `to`; with `subtree`, also every entry below `from`
 * (one scan per folder, so a folder of many notes costs one pass, not one per note).
 */
export function moveKeys<V>(map: Map<string, V>, from: string, to: string, subtree: boolean): void {
	const own = map.get(from);
	if (own !== undefined) {
		map.delete(from);
		map.set(to, own);
	}
	if (!subtree || map.size === 0) return;
	const prefix = from + "/";
	for (const [key, value] of [...map]) {
		if (key.startsWith(prefix)) {
			map.delete(key);
			map.set(to + key.slice(from.length), value);
		}
	}
}

/** Drop the entry of `map` at `path`; with `subtree`, also every entry below it. */
export function dropKeys<V>(map: Map<string, V>, path: string, subtree: boolean): void {
	map.delete(path);
	if (!subtree || map.size === 0) return;
	const prefix = path + "/";
	for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
}
