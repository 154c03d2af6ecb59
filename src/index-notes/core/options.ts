/**
 * Per-index options, read from the index (folder) note's OWN frontmatter. Each overrides the
 * matching setting for that note's index only; a missing or invalid value is ignored (the
 * setting applies), never an error.
 *
 * | key               | values                                                  | overrides       |
 * |-------------------|---------------------------------------------------------|-----------------|
 * | `index-sort`      | `name`, `mtime` (or `modified`), `ctime` (or `created`), `order` | sortBy |
 * | `index-direction` | `asc` / `desc` (or `ascending` / `descending`)          | sortDirection   |
 * | `index-depth`     | integer >= 0 (0 = no limit)                             | maxDepth        |
 * | `index-group`     | a property name, e.g. `category`                        | (no grouping)   |
 *
 * `index-sort: order` sorts by the number in each note's `orderProperty` (setting, default `order`).
 *
 * Example:
 * ```yaml
 * ---
 * index-sort: mtime
 * index-direction: desc
 * index-depth: 2
 * index-group: category
 * ---
 * ```
 * Grouping renders one bold heading bullet per value of that property among the index's direct
 * entries (`- **full-stack**`), ordered by the collator, then the entries having that value one
 * level deeper (sorted as usual). A list value puts the entry under each of its values. Entries
 * without a value (or whose value is not a string, number or boolean) come last under
 * `- **(no <property>)**`, e.g. `- **(no category)**`. A folder is grouped by its folder note's
 * property.
 */
import type { IndexSettings, SortBy, SortDirection } from "../../shared/core/settings";
import type { Frontmatter } from "../../shared/core/vault";

export const OPTION_SORT = "index-sort";
export const OPTION_DIRECTION = "index-direction";
export const OPTION_DEPTH = "index-depth";
export const OPTION_GROUP = "index-group";

export interface IndexOptions {
	readonly sortBy: SortBy;
	readonly sortDirection: SortDirection;
	readonly maxDepth: number;
	/** Property to group the top-level entries by, or null. */
	readonly groupBy: string | null;
}

const SORTS: Readonly<Record<string, SortBy>> = {
	name: "name",
	mtime: "mtime",
	modified: "mtime",
	ctime: "ctime",
	created: "ctime",
	order: "order",
};

const DIRECTIONS: Readonly<Record<string, SortDirection>> = {
	asc: "asc",
	ascending: "asc",
	desc: "desc",
	descending: "desc",
};

function word(value: unknown): string | null {
	return typeof value === "string" ? value.trim().toLowerCase() : null;
}

export function indexOptions(frontmatter: Frontmatter | null, settings: IndexSettings): IndexOptions {
	const fm = frontmatter ?? {};
	const sort = word(fm[OPTION_SORT]);
	const direction = word(fm[OPTION_DIRECTION]);
	const depthRaw = fm[OPTION_DEPTH];
	const depth = typeof depthRaw === "string" && /^\s*\d+\s*$/.test(depthRaw) ? Number(depthRaw) : depthRaw;
	const group = fm[OPTION_GROUP];
	return {
		sortBy: (sort !== null && Object.prototype.hasOwnProperty.call(SORTS, sort) ? SORTS[sort] : undefined) ?? settings.sortBy,
		sortDirection:
			(direction !== null && Object.prototype.hasOwnProperty.call(DIRECTIONS, direction) ? DIRECTIONS[direction] : undefined) ??
			settings.sortDirection,
		maxDepth: typeof depth === "number" && Number.isInteger(depth) && depth >= 0 ? depth : settings.maxDepth,
		groupBy: typeof group === "string" && group.trim() !== "" ? group.trim() : null,
	};
}

/** True when this index's own options make its output depend on other notes' frontmatter. */
export function optionsUseFrontmatter(options: IndexOptions): boolean {
	return options.sortBy === "order" || options.groupBy !== null;
}
