/**
 * The view's filters: property key → accepted facet values. Keys are property names the user
 * wrote, so they may be `__proto__`, `constructor` or `toString`: the record has no prototype
 * and is read only through its own keys.
 */

export type Filters = Readonly<Record<string, readonly string[]>>;

/** No filter (a shared, frozen record without a prototype). */
export const NO_FILTERS: Filters = Object.freeze(Object.create(null) as Record<string, readonly string[]>);

/** Filters from `[key, values]` pairs; a key with no values is left out. */
export function filtersOf(entries: Iterable<readonly [string, readonly string[]]>): Filters {
	const out = Object.create(null) as Record<string, readonly string[]>;
	// Without a prototype, `out["__proto__"] = …` makes an own property like any other key.
	for (const [key, values] of entries) if (values.length > 0) out[key] = values;
	return out;
}

/** The values accepted for `key` (none when it has no filter). */
export function filterValues(filters: Filters, key: string): readonly string[] {
	return Object.hasOwn(filters, key) ? (filters[key] ?? []) : [];
}

/** `filters` with the filter on `key` replaced by `values` (removed when there are none). */
export function withFilterValues(filters: Filters, key: string, values: readonly string[]): Filters {
	const entries: [string, readonly string[]][] = Object.entries(filters).map(([k, v]) => [k, k === key ? values : v]);
	if (!Object.hasOwn(filters, key)) entries.push([key, values]);
	return filtersOf(entries);
}
