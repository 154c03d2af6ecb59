/**
 * Ordering of a folder's entries.
 *
 * Names are compared WITH their extension using `Intl.Collator(locale, { numeric: true,
 * sensitivity: "base" })` (so `Note 2.md < Note 10.md < Note.md`). The locale is always the
 * pinned setting (default `en`), never the runtime default, so every device writes the same
 * bytes. Entries the collator calls equal (`a.md` / `A.md`) are ordered by UTF-16 code units,
 * which makes the order total and independent of the order children arrive in.
 *
 * Time and `order` sorts put entries without a key (folders without a folder note, notes
 * without a numeric property) after the others, whatever the direction; equal keys fall back
 * to the name order.
 */

export type Compare = (a: string, b: string) => number;

const collators = new Map<string, Compare>();

/** One collator per locale, created once (creating a collator is far costlier than comparing). */
export function collatorFor(locale: string): Compare {
	const cached = collators.get(locale);
	if (cached !== undefined) return cached;
	let collator: Intl.Collator;
	try {
		collator = new Intl.Collator(locale === "" ? "en" : locale, { numeric: true, sensitivity: "base" });
	} catch {
		// An invalid locale tag falls back to English rather than to the device's locale.
		collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
	}
	const compare = collator.compare.bind(collator);
	collators.set(locale, compare);
	return compare;
}

export function ordinal(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export interface SortEntry {
	readonly name: string;
	readonly isFolder: boolean;
	/** Sort key for time / order sorts; undefined when the entry has none. */
	readonly key: number | undefined;
}

export function sortEntries<T extends SortEntry>(
	entries: T[],
	byKey: boolean,
	descending: boolean,
	foldersOnTop: boolean,
	compareNames: Compare,
): T[] {
	const sign = descending ? -1 : 1;
	const byName = (a: T, b: T): number => compareNames(a.name, b.name) || ordinal(a.name, b.name);
	entries.sort(
		byKey
			? (a, b) => {
					if (a.key === undefined || b.key === undefined) {
						if (a.key !== b.key) return a.key === undefined ? 1 : -1;
						return byName(a, b);
					}
					return a.key !== b.key ? (a.key < b.key ? -sign : sign) : byName(a, b);
				}
			: (a, b) => sign * byName(a, b),
	);
	if (!foldersOnTop) return entries;
	// Stable partition: folders first, each group keeping the order above.
	const folders: T[] = [];
	const files: T[] = [];
	for (const e of entries) (e.isFolder ? folders : files).push(e);
	return folders.length === 0 || files.length === 0 ? entries : folders.concat(files);
}
