/**
 * One frontmatter value → one cell: state, type, plain display text, sort key, items, links and
 * (only for allowed schemes) a URL. Nothing here produces markup.
 */

import type { AbsentCell, Cell, CellItem, EmptyCell, NullCell, PropertyTypeName, ValueCell, WikiLink } from "./types";

export const ABSENT: AbsentCell = Object.freeze({ state: "absent" });
/** Empty string and empty list: one state, two shared cells (so exports keep `""` vs `[]`). */
export const EMPTY: EmptyCell = Object.freeze({ state: "empty", raw: "" });
export const EMPTY_LIST: EmptyCell = Object.freeze({ state: "empty", raw: Object.freeze<[]>([]) });
export const NULL: NullCell = Object.freeze({ state: "null" });

/** Natural-aware, case-insensitive collation; created once. */
export const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
export { collator as compareCollator };

const OBSIDIAN_TYPES: Readonly<Record<string, PropertyTypeName>> = {
	text: "text",
	multitext: "list",
	aliases: "list",
	number: "number",
	checkbox: "checkbox",
	date: "date",
	datetime: "datetime",
	tags: "tags",
};

/** Obsidian's built-in property types, which apply unless `types.json` says otherwise. */
export const BUILT_IN_TYPES: Readonly<Record<string, string>> = {
	tags: "tags",
	aliases: "aliases",
	cssclasses: "multitext",
};

export function mapObsidianType(name: string): PropertyTypeName {
	return Object.prototype.hasOwnProperty.call(OBSIDIAN_TYPES, name) ? OBSIDIAN_TYPES[name] : "unknown";
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `types.json` (text or parsed, with or without the `types` wrapper) → `{ key: typeName }`. */
export function parsePropertyTypes(json: unknown): Record<string, string> {
	let data: unknown = json;
	if (typeof json === "string") {
		try {
			data = JSON.parse(json) as unknown;
		} catch {
			return {};
		}
	}
	if (!isRecord(data)) return {};
	const source = isRecord(data.types) ? data.types : data;
	const entries = Object.entries(source).filter((e): e is [string, string] => typeof e[1] === "string");
	return Object.fromEntries(entries);
}

/** Declared types by key: Obsidian's built-ins overlaid with the vault's `types.json`. */
export function resolveDeclared(propertyTypes: Readonly<Record<string, string>> | undefined): Map<string, PropertyTypeName> {
	const out = new Map<string, PropertyTypeName>();
	const merged = [...Object.entries(BUILT_IN_TYPES), ...Object.entries(propertyTypes ?? {})];
	for (const [key, name] of merged) {
		const type = typeof name === "string" ? mapObsidianType(name) : "unknown";
		if (type === "unknown") out.delete(key);
		else out.set(key, type);
	}
	return out;
}

// ---------------------------------------------------------------- dates

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function utcDay(y: number, m: number, d: number): number | null {
	if (m < 1 || m > 12 || d < 1) return null;
	const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	if (d > MONTH_DAYS[m - 1] + (leap ? 1 : 0)) return null;
	return Date.UTC(y, m - 1, d);
}

/** `YYYY-MM-DD` (a real calendar day) → ms since epoch (UTC), else null. */
export function dateKey(text: string): number | null {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
	const y = digits(text, 0, 4);
	const m = digits(text, 5, 7);
	const d = digits(text, 8, 10);
	return y < 0 || m < 0 || d < 0 ? null : utcDay(y, m, d);
}

/** The number written with ASCII digits in `text[from, to)`, or -1. */
function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** ISO date-time (local times read as UTC so every device sorts alike) → ms, else null. */
export function datetimeKey(text: string): number | null {
	const m = DATETIME_RE.exec(text);
	if (!m) return null;
	const day = utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
	const h = Number(m[4]);
	const min = Number(m[5]);
	const s = m[6] === undefined ? 0 : Number(m[6]);
	if (day === null || h > 23 || min > 59 || s > 59) return null;
	const ms = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
	let offset = 0;
	const zone = m[8];
	if (zone !== undefined && zone !== "Z") {
		const digits = zone.replace(":", "");
		const oh = Number(digits.slice(1, 3));
		const om = Number(digits.slice(3, 5));
		if (oh > 23 || om > 59) return null;
		offset = (digits.startsWith("-") ? -1 : 1) * (oh * 60 + om) * 60_000;
	}
	return day + ((h * 60 + min) * 60 + s) * 1000 + ms - offset;
}

// ---------------------------------------------------------------- urls and links

/**
 * An allowed scheme at the very start, then no whitespace or control characters anywhere: so
 * nothing before the scheme (`javascript:`, `data:`, ` java\tscript:`, NUL) can change what a
 * browser sees. Other schemes never match.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const URL_SHAPE = /^(https?:\/\/|mailto:|obsidian:\/\/)[^\s\u0000-\u001f\u007f-\u009f\\]+$/i;

/**
 * The URL (scheme in lower case) when `text` is an http, https, mailto or obsidian URL, else
 * null. Leading and trailing spaces are allowed.
 */
export function safeUrl(text: string): string | null {
	const trimmed = text.trim();
	if (!URL_SHAPE.test(trimmed)) return null;
	const colon = trimmed.indexOf(":");
	const scheme = trimmed.slice(0, colon);
	const lower = scheme.toLowerCase();
	return lower === scheme ? trimmed : lower + trimmed.slice(colon);
}

const LINK_RE = /\[\[([^[\]]+)\]\]/g;
const WHOLE_LINK_RE = /^\s*\[\[([^[\]]+)\]\]\s*$/;

function parseLinkInner(inner: string): WikiLink {
	const pipe = inner.indexOf("|");
	const ref = pipe < 0 ? inner : inner.slice(0, pipe);
	const alias = pipe < 0 ? null : inner.slice(pipe + 1).trim();
	const hash = ref.indexOf("#");
	const target = (hash < 0 ? ref : ref.slice(0, hash)).trim();
	const subpath = hash < 0 ? null : ref.slice(hash).trim();
	const shown = alias !== null && alias !== "" ? alias : target + (subpath ?? "");
	return { target, subpath, alias: alias === "" ? null : alias, text: shown };
}

/** Every `[[...]]` in a string, as plain-text parts. */
export function parseWikiLinks(text: string): WikiLink[] {
	if (!text.includes("[[")) return [];
	const out: WikiLink[] = [];
	for (const m of text.matchAll(LINK_RE)) out.push(parseLinkInner(m[1]));
	return out;
}

/** The link when the whole string is one `[[...]]`, else null. */
export function wholeLink(text: string): WikiLink | null {
	if (!text.includes("[[")) return null;
	const m = WHOLE_LINK_RE.exec(text);
	return m ? parseLinkInner(m[1]) : null;
}

// ---------------------------------------------------------------- types

/** Whether a value of type `actual` is acceptable in a column of type `column`. */
export function fits(column: PropertyTypeName, actual: PropertyTypeName): boolean {
	if (column === actual || column === "unknown") return true;
	switch (column) {
		case "text":
			return actual === "url" || actual === "date" || actual === "datetime";
		case "list":
			return actual === "links" || actual === "tags";
		case "tags":
			return actual === "list";
		case "datetime":
			return actual === "date";
		default:
			return false;
	}
}

/** When counts tie, the more specific type wins (earlier in this list). */
const SPECIFICITY: readonly PropertyTypeName[] = [
	"checkbox",
	"number",
	"date",
	"datetime",
	"url",
	"links",
	"tags",
	"list",
	"object",
	"text",
	"unknown",
];

/** The type that the most value cells fit; ties go to the more specific type. */
export function inferColumnType(typeCounts: ReadonlyMap<PropertyTypeName, number>): PropertyTypeName {
	let best: PropertyTypeName = "text";
	let bestFit = -1;
	for (const candidate of SPECIFICITY) {
		if (!typeCounts.has(candidate)) continue;
		let fit = 0;
		for (const [actual, count] of typeCounts) if (count > 0 && fits(candidate, actual)) fit += count;
		if (fit > bestFit) {
			best = candidate;
			bestFit = fit;
		}
	}
	return best;
}

// ---------------------------------------------------------------- cells

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
 * property test.
 */
export function cellKind(value: unknown, declared?: PropertyTypeName): PropertyTypeName | "absent" | "empty" | "null" {
	if (value === undefined) return "absent";
	if (value === null) return "null";
	if (declared === "unknown") declared = undefined;
	let type: PropertyTypeName;
	switch (typeof value) {
		case "boolean":
			type = "checkbox";
			break;
		case "number":
			type = Number.isFinite(value) ? "number" : "text";
			break;
		case "bigint":
			type = "number";
			break;
		case "string":
			if (value === "") return "empty";
			if (declared === "tags") type = "tags";
			else if (declared === "list" || declared === "links") type = listType(wholeLink(value) !== null, declared);
			else type = stringType(value);
			break;
		case "object":
			if (Array.isArray(value)) {
				if (value.length === 0) return "empty";
				let allLinks = declared !== "tags";
				for (let i = 0; allLinks && i < value.length; i++) {
					const item: unknown = value[i];
					allLinks = typeof item === "string" && wholeLink(item) !== null;
				}
				type = listType(allLinks, declared);
			} else if (value instanceof Date) {
				const t = value.getTime();
				type = Number.isNaN(t) ? "text" : t % 86_400_000 === 0 ? "date" : "datetime";
			} else {
				type = "object";
			}
			break;
		default:
			type = "text";
	}
	return declared !== undefined && declared !== type && fits(declared, type) ? declared : type;
}

function listType(allLinks: boolean, declared: PropertyTypeName | undefined): PropertyTypeName {
	const type: PropertyTypeName = allLinks ? "links" : "list";
	return declared !== undefined && fits(declared, type) ? declared : type;
}

/** The type `inferString` gives a non-empty string. */
function stringType(text: string): PropertyTypeName {
	const c0 = text.charCodeAt(0);
	if (c0 >= 48 && c0 <= 57 && text.length >= 10) {
		if (dateKey(text) !== null) return "date";
		if (datetimeKey(text) !== null) return "datetime";
	}
	return URL_SHAPE.test(text.trim()) ? "url" : "text";
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
