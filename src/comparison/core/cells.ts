/**
 * One frontmatter value → one cell: state, type, plain display text, sort key, items, links and
 * (only for allowed schemes) a URL. Nothing here produces markup.
 */

import { dateKey, datetimeKey } from "./dates";
import { kindOf } from "./kinds";
import { parseWikiLinks, safeUrl, wholeLink } from "./links";
import { fits } from "./property-types";
import type { AbsentCell, Cell, CellItem, EmptyCell, NullCell, PropertyTypeName, ValueCell, WikiLink } from "./types";

export const ABSENT: AbsentCell = Object.freeze({ state: "absent" });
/** Empty string and empty list: one state, two shared cells (so exports keep `""` vs `[]`). */
export const EMPTY: EmptyCell = Object.freeze({ state: "empty", raw: "" });
export const EMPTY_LIST: EmptyCell = Object.freeze({ state: "empty", raw: Object.freeze<[]>([]) });
export const NULL: NullCell = Object.freeze({ state: "null" });

/** Natural-aware, case-insensitive collation; created once. */
import { collator } from "../../shared/core/selection";

export { collator };
export { collator as compareCollator };

function compactJson(value: unknown): string {
	try {
		const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
		return text === undefined ? String(value) : text;
	} catch {
		return "[unprintable object]";
	}
}

/** Text of a scalar that is not a string (numbers, booleans, bigints, symbols, functions). */
function otherText(value: unknown): string {
	switch (typeof value) {
		case "number":
		case "boolean":
		case "bigint":
			return String(value);
		case "symbol":
			return value.toString();
		case "function":
			return "[function]";
		default:
			return compactJson(value);
	}
}

/** Text (or url, when `text` is an allowed URL), with the wikilinks it contains. */
function textCell(text: string): ValueCell {
	const url = safeUrl(text);
	const links = text.includes("[[") ? parseWikiLinks(text) : [];
	if (url === null && links.length === 0) return { state: "value", type: "text", raw: text, display: text, sortKey: text };
	const cell: { -readonly [K in keyof ValueCell]: ValueCell[K] } = {
		state: "value",
		type: url === null ? "text" : "url",
		raw: text,
		display: text,
		sortKey: text,
	};
	if (url !== null) cell.url = url;
	if (links.length > 0) cell.links = links;
	return cell;
}

/** A string on its own: date, date-time, url or text. */
function inferString(text: string): ValueCell {
	const c0 = text.charCodeAt(0);
	if (c0 >= 48 && c0 <= 57 && text.length >= 10) {
		const d = dateKey(text);
		if (d !== null) return { state: "value", type: "date", raw: text, display: text, sortKey: d };
		const dt = datetimeKey(text);
		if (dt !== null) return { state: "value", type: "datetime", raw: text, display: text, sortKey: dt };
	}
	return textCell(text);
}

function itemOf(value: unknown, asTag: boolean): CellItem | null {
	if (value === null || value === undefined) return null;
	if (typeof value === "string") {
		if (asTag) return { text: value.startsWith("#") ? value.slice(1) : value };
		const link = wholeLink(value);
		if (link) return { text: link.text, link };
		const url = safeUrl(value);
		return url === null ? { text: value } : { text: value, url };
	}
	if (typeof value === "object" && !(value instanceof Date)) return { text: compactJson(value) };
	if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? String(value) : value.toISOString() };
	return { text: otherText(value) };
}

function listCell(raw: unknown, values: readonly unknown[], declared: PropertyTypeName | undefined): ValueCell {
	const asTag = declared === "tags";
	const items: CellItem[] = [];
	let links: WikiLink[] | undefined;
	let display = "";
	let allLinks = values.length > 0;
	for (const v of values) {
		const item = itemOf(v, asTag);
		if (item === null) {
			allLinks = false;
			continue;
		}
		if (item.link === undefined) allLinks = false;
		else (links ??= []).push(item.link);
		display = items.length === 0 ? item.text : `${display}, ${item.text}`;
		items.push(item);
	}
	let type: PropertyTypeName = allLinks ? "links" : "list";
	if (declared !== undefined && fits(declared, type)) type = declared;
	return links === undefined
		? { state: "value", type, raw, display, sortKey: display, items }
		: { state: "value", type, raw, display, sortKey: display, items, links };
}

function dateObjectCell(value: Date): ValueCell {
	const t = value.getTime();
	if (Number.isNaN(t)) return { state: "value", type: "text", raw: value, display: String(value), sortKey: String(value) };
	const iso = value.toISOString();
	if (t % 86_400_000 === 0) return { state: "value", type: "date", raw: value, display: iso.slice(0, 10), sortKey: t };
	return { state: "value", type: "datetime", raw: value, display: iso, sortKey: t };
}

/**
 * The cell for one frontmatter value. `declared` is the property's declared type (from
 * `types.json`); when the value fits it the cell takes that type, otherwise the inferred one.
 */
export function makeCell(value: unknown, declared?: PropertyTypeName): Cell {
	if (value === undefined) return ABSENT;
	if (value === null) return NULL;
	if (declared === "unknown") declared = undefined;
	let cell: ValueCell;
	switch (typeof value) {
		case "boolean":
			cell = { state: "value", type: "checkbox", raw: value, display: value ? "true" : "false", sortKey: value ? 1 : 0 };
			break;
		case "number":
			cell = Number.isFinite(value)
				? { state: "value", type: "number", raw: value, display: String(value), sortKey: value }
				: { state: "value", type: "text", raw: value, display: String(value), sortKey: String(value) };
			break;
		case "bigint":
			cell = { state: "value", type: "number", raw: value, display: value.toString(), sortKey: Number(value) };
			break;
		case "string":
			if (value === "") return EMPTY;
			if (declared === "tags" || declared === "list" || declared === "links") {
				const parts = declared === "tags" ? value.split(/[,\s]+/).filter((p) => p !== "") : [value];
				cell = listCell(value, parts, declared);
			} else {
				cell = inferString(value);
			}
			break;
		case "object":
			if (Array.isArray(value)) {
				if (value.length === 0) return EMPTY_LIST;
				cell = listCell(value, value, declared);
			} else if (value instanceof Date) {
				cell = dateObjectCell(value);
			} else {
				const text = compactJson(value);
				cell = { state: "value", type: "object", raw: value, display: text, sortKey: text };
			}
			break;
		default:
			cell = { state: "value", type: "text", raw: value, display: otherText(value), sortKey: otherText(value) };
	}
	if (declared !== undefined && declared !== cell.type && fits(declared, cell.type)) return { ...cell, type: declared };
	return cell;
}

// ---------------------------------------------------------------- without building cells

/**
 * What `makeCell(value, declared)` gives, without building it: the state, or for a value its
 * type. The model is built from these (columns, coverage, type counts, conflicts); the cells
 * themselves are made when first read (see `CellMap`). Kept in step with `makeCell` by a
 * property test; `kindCode` in `kinds.ts` is the same as a number.
 */
export function cellKind(value: unknown, declared?: PropertyTypeName): PropertyTypeName | "absent" | "empty" | "null" {
	return kindOf(value, declared);
}

/** A value equal for equal cells: the shared state cell, or the number / checkbox / display text. */
export function cellIdentity(cell: Cell): unknown {
	if (cell.state !== "value") return cell.state === "absent" ? ABSENT : cell.state === "empty" ? EMPTY : NULL;
	if (cell.type === "number") return cell.sortKey;
	if (cell.type === "checkbox") return cell.raw === true;
	return cell.display;
}

/** Returned by the quick paths below when only the cell itself can tell. */
export const NEEDS_CELL: unique symbol = Symbol("needs cell");

/** `cellIdentity(makeCell(value, declared))` for plain scalars, without building the cell. */
export function quickIdentity(value: unknown, declared: PropertyTypeName | undefined): unknown {
	switch (typeof value) {
		case "string":
			if (value === "") return EMPTY;
			return declared === "tags" || declared === "list" || declared === "links" ? NEEDS_CELL : value;
		case "number":
			return Number.isFinite(value) ? value : String(value);
		case "boolean":
			return value;
		case "undefined":
			return ABSENT;
		case "object":
			return value === null ? NULL : NEEDS_CELL;
		default:
			return NEEDS_CELL;
	}
}

/**
 * The display text of `makeCell(value, declared)` for plain scalars without building the cell;
 * null when the cell is not a value (absent, empty, null).
 */
export function quickDisplay(value: unknown, declared: PropertyTypeName | undefined): string | null | typeof NEEDS_CELL {
	switch (typeof value) {
		case "string":
			if (value === "") return null;
			return declared === "tags" || declared === "list" || declared === "links" ? NEEDS_CELL : value;
		case "number":
			return String(value);
		case "boolean":
			return value ? "true" : "false";
		case "undefined":
			return null;
		case "object":
			return value === null ? null : NEEDS_CELL;
		default:
			return NEEDS_CELL;
	}
}

/** The state token or the texts a cell offers to filters (list items one by one). */
export function facetTexts(
	cell: Cell,
	tokens: { readonly absent: string; readonly empty: string; readonly null: string },
): readonly string[] {
	switch (cell.state) {
		case "absent":
			return [tokens.absent];
		case "empty":
			return [tokens.empty];
		case "null":
			return [tokens.null];
		default:
			return cell.items !== undefined ? cell.items.map((i) => i.text) : [cell.display];
	}
}
