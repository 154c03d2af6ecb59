/**
 * Edits of a decision note's lists as the pane makes them: each returns the list's new value,
 * or null when nothing would change (the note is then not written). Items the edit does not
 * concern are kept as they are, whatever their type.
 */
import { formatWeight } from "./change";
import { parseCriterion } from "./criteria";

/** The list as stored: a list, one text (a list of one), or nothing. */
function itemsOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return [...(value as unknown[])];
	return value === undefined || value === null || value === "" ? [] : [value];
}

function same(a: readonly unknown[], b: unknown): boolean {
	return Array.isArray(b) && a.length === b.length && a.every((item, i) => item === (b as unknown[])[i]);
}

/** A preference's text with a new weight (no `* w` suffix for weight 1); null when the text does not parse. */
export function withWeight(text: string, weight: number): string | null {
	const parsed = parseCriterion(text, true);
	if (!parsed.ok) return null;
	return weight === 1 ? parsed.criterion.ruleText : `${parsed.criterion.ruleText} * ${formatWeight(weight)}`;
}

/** The list with item `index` (a preference) weighing `weight`. */
export function setWeight(list: unknown, index: number, weight: number): unknown[] | null {
	const items = itemsOf(list);
	const item = items[index];
	if (typeof item !== "string") return null;
	const text = withWeight(item, weight);
	if (text === null || text === item) return null;
	items[index] = text;
	return same(items, list) ? null : items;
}

/** The list without item `index`. */
export function removeItem(list: unknown, index: number): unknown[] | null {
	const items = itemsOf(list);
	if (index < 0 || index >= items.length) return null;
	items.splice(index, 1);
	return items;
}

/** The list with `text` added at the end (trimmed; nothing for blank text). */
export function addItem(list: unknown, text: string): unknown[] | null {
	const trimmed = text.trim();
	if (trimmed === "") return null;
	return [...itemsOf(list), trimmed];
}
