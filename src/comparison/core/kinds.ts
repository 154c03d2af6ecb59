/**
 * A frontmatter value's kind — the state, or for a value the type, of the cell `makeCell` would
 * make — as a small number, without making the cell. The model is built from kinds (columns,
 * coverage, type counts, conflicts), one per frontmatter value, so this is the hot path of a
 * build: no allocation, `typeof` first, and for strings the cheapest telling character first.
 */

import { datetimeKey, isDate } from "./dates";
import { isUrlShaped, wholeLink } from "./links";
import { fits } from "./property-types";
import type { PropertyTypeName } from "./types";

export type Kind = PropertyTypeName | "absent" | "empty" | "null";

/** Every kind by its number: the types first (`VALUE_KINDS` of them), then the states. */
export const KINDS: readonly Kind[] = Object.freeze([
	"text",
	"number",
	"checkbox",
	"date",
	"datetime",
	"list",
	"links",
	"tags",
	"url",
	"object",
	"unknown",
	"empty",
	"null",
	"absent",
]);
/** Kind numbers below this are value types (`KINDS[k]` is a `PropertyTypeName`). */
export const VALUE_KINDS = 11;

const TEXT = 0;
const NUMBER = 1;
const CHECKBOX = 2;
const DATE = 3;
const DATETIME = 4;
const LIST = 5;
const LINKS = 6;
const TAGS = 7;
const URL = 8;
const OBJECT = 9;
const EMPTY = 11;
const NULL = 12;
const ABSENT = 13;

/** How a string is read: by its content, as tags, or as a list (of one link, or not). */
const BY_CONTENT = 0;
const AS_TAGS = 1;
const AS_LIST = 2;

/** How the values of a property with one declared type are classified, worked out once. */
export interface KindRule {
	readonly strings: number;
	/** Kind found → kind given: the declared type when the value fits it. */
	readonly lift: Uint8Array;
}

const rules = new Map<PropertyTypeName | undefined, KindRule>();

/** The rule for values of a property declared as `declared` (undefined: not declared). */
export function kindRule(declared: PropertyTypeName | undefined): KindRule {
	let rule = rules.get(declared);
	if (rule === undefined) {
		const type = declared === "unknown" ? undefined : declared;
		const lift = new Uint8Array(KINDS.length);
		for (let k = 0; k < KINDS.length; k++) {
			const found = KINDS[k] as PropertyTypeName;
			lift[k] = k < VALUE_KINDS && type !== undefined && type !== found && fits(type, found) ? KINDS.indexOf(type) : k;
		}
		const strings = type === "tags" ? AS_TAGS : type === "list" || type === "links" ? AS_LIST : BY_CONTENT;
		rule = { strings, lift };
		rules.set(declared, rule);
	}
	return rule;
}

/** The kind number of `makeCell(value, declared)` for the rule of `declared` (see `KINDS`). */
export function kindCode(value: unknown, rule: KindRule): number {
	let kind: number;
	switch (typeof value) {
		case "string":
			if (value.length === 0) return EMPTY;
			if (rule.strings === BY_CONTENT) kind = stringKind(value);
			else kind = rule.strings === AS_TAGS ? TAGS : isWholeLink(value) ? LINKS : LIST;
			break;
		case "number":
			kind = value - value === 0 ? NUMBER : TEXT;
			break;
		case "boolean":
			kind = CHECKBOX;
			break;
		case "object":
			if (value === null) return NULL;
			if (Array.isArray(value)) {
				if (value.length === 0) return EMPTY;
				kind = rule.strings !== AS_TAGS && allWholeLinks(value) ? LINKS : LIST;
			} else if (value instanceof Date) {
				const t = value.getTime();
				kind = Number.isNaN(t) ? TEXT : t % 86_400_000 === 0 ? DATE : DATETIME;
			} else {
				kind = OBJECT;
			}
			break;
		case "undefined":
			return ABSENT;
		case "bigint":
			kind = NUMBER;
			break;
		default:
			kind = TEXT;
	}
	return rule.lift[kind];
}

/** `KINDS[kindCode(value, kindRule(declared))]`. */
export function kindOf(value: unknown, declared: PropertyTypeName | undefined): Kind {
	return KINDS[kindCode(value, kindRule(declared))];
}

/** Characters an allowed URL can start with (`h`, `m`, `o`, either case) among printable ASCII. */
const URL_START = new Uint8Array(128);
for (const c of "hHmMoO") URL_START[c.charCodeAt(0)] = 1;

/** The type of a non-empty string read by its content: date, date-time, url or text. */
function stringKind(text: string): number {
	const c0 = text.charCodeAt(0);
	if (c0 >= 48 && c0 <= 57) {
		// A digit first: a date or a date-time, never a URL.
		if (text.length < 10) return TEXT;
		if (isDate(text)) return DATE;
		return datetimeKey(text) !== null ? DATETIME : TEXT;
	}
	if (c0 > 32 && c0 < 127) {
		// Printable ASCII is never trimmed, so it is where an allowed URL would start.
		if (URL_START[c0] === 0) return TEXT;
		const last = text.charCodeAt(text.length - 1);
		if (last > 32 && last < 127) {
			const known = asciiUrlKind(text);
			if (known >= 0) return known;
		}
	}
	return isUrlShaped(text.trim()) ? URL : TEXT;
}

/**
 * `isUrlShaped(text)` for text with nothing to trim: URL or TEXT, or -1 when a character beyond
 * ASCII leaves it to the full check.
 */
function asciiUrlKind(text: string): number {
	const from = schemeEnd(text);
	if (from === 0 || from === text.length) return TEXT;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 128) return -1;
		// Blanks, control characters and backslashes are never part of an allowed URL.
		if (c <= 32 || c === 127 || c === 92) return TEXT;
	}
	return URL;
}

const SCHEMES = ["http://", "https://", "mailto:", "obsidian://"];

/** Where the text after an allowed scheme (any case) starts, or 0 without one. */
function schemeEnd(text: string): number {
	for (const scheme of SCHEMES) {
		if (text.length < scheme.length) continue;
		let i = 0;
		for (; i < scheme.length; i++) {
			const want = scheme.charCodeAt(i);
			const c = text.charCodeAt(i);
			// Letters in either case; `:` and `/` exactly.
			if (c !== want && (want < 97 || (c | 32) !== want)) break;
		}
		if (i === scheme.length) return i;
	}
	return 0;
}

/** Whether the whole string is one `[[...]]` (`wholeLink(text) !== null`). */
function isWholeLink(text: string): boolean {
	const n = text.length;
	const c0 = text.charCodeAt(0);
	const last = text.charCodeAt(n - 1);
	if (c0 === 91 && last === 93 && n >= 5 && text.charCodeAt(1) === 91 && text.charCodeAt(n - 2) === 93) {
		for (let i = 2; i < n - 2; i++) {
			const c = text.charCodeAt(i);
			if (c === 91 || c === 93) return false;
		}
		return true;
	}
	// Blanks around the link, or not a link: the full check (rare).
	if ((c0 > 32 && c0 < 128 && c0 !== 91) || (last > 32 && last < 128 && last !== 93)) return false;
	return wholeLink(text) !== null;
}

function allWholeLinks(values: readonly unknown[]): boolean {
	for (let i = 0; i < values.length; i++) {
		const item: unknown = values[i];
		if (typeof item !== "string" || !isWholeLink(item)) return false;
	}
	return true;
}
