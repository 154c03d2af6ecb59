/**
 * How a criterion reads a note's property value. Text compares without regard to letter case
 * (a whole wikilink `[[Flask]]` also equals its target's text), numbers as numbers, dates
 * `YYYY-MM-DD` by day (a date-time property by its date part), booleans as booleans (also when
 * written as the text `true` / `false`). A value of another type than the criterion's is simply
 * not equal (and neither smaller nor greater). `=`, `in` and the comparisons read a single
 * value; `has` looks into a list (a single value counts as a list of one).
 */
import type { Frontmatter } from "./vault";
import { wholeLink } from "./wikilink";
import { calendarDate, type Condition, type Literal } from "./criteria";

/** A property's state in one note: absent, empty (`""`, blank text, `[]`), null, or a value. */
export type Presence = "absent" | "empty" | "null" | "value";

/** The note's value of `property` (own keys only: a property may be named `__proto__`). */
export function propertyValue(fm: Frontmatter | null, property: string): unknown {
	if (fm === null || !Object.prototype.hasOwnProperty.call(fm, property)) return undefined;
	return fm[property];
}

/** Any character `trim()` would keep (tested without allocating a trimmed copy per note). */
const NON_BLANK = /[^\s\uFEFF\xA0]/;

export function presenceOf(value: unknown): Presence {
	if (value === undefined) return "absent";
	if (value === null) return "null";
	if (typeof value === "string" && !NON_BLANK.test(value)) return "empty";
	if (Array.isArray(value) && value.length === 0) return "empty";
	return "value";
}

function dayOf(value: unknown): string | null {
	if (typeof value === "string") return calendarDate(value.trim().slice(0, 10));
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	return null;
}

function textOf(value: unknown): string | null {
	if (typeof value === "string") return value.trim().toLowerCase();
	if (typeof value === "boolean") return value ? "true" : "false";
	if (typeof value === "number" || typeof value === "boolean") return String(value).toLowerCase();
	return null;
}

function sign(n: number): number {
	return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Text literals folded once (trimmed, lower case): criteria are compared with every note. */
const foldedLiterals = new WeakMap<Literal, string>();

function foldedLiteral(literal: Literal): string {
	let folded = foldedLiterals.get(literal);
	if (folded === undefined) {
		folded = literal.value.toString().trim().toLowerCase();
		foldedLiterals.set(literal, folded);
	}
	return folded;
}

/**
 * -1, 0, 1 when `value` is smaller, equal or greater than `literal`; null when they do not
 * compare. `text` is `value` folded (`textOf`), computed once by the caller for several literals.
 */
function compareWith(value: unknown, text: string | null, literal: Literal): number | null {
	switch (literal.kind) {
		case "boolean": {
			if (typeof value === "boolean") return value === literal.value ? 0 : sign(Number(value) - Number(literal.value));
			return text === "true" || text === "false" ? sign(Number(text === "true") - Number(literal.value)) : null;
		}
		case "number": {
			const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
			return Number.isNaN(n) ? null : sign(n - literal.value);
		}
		case "date": {
			const day = dayOf(value);
			return day === null ? null : day < literal.value ? -1 : day > literal.value ? 1 : 0;
		}
		case "text": {
			if (text === null) return null;
			const wanted = foldedLiteral(literal);
			if (text === wanted) return 0;
			const link = typeof value === "string" && text.startsWith("[[") ? wholeLink(value) : null;
			if (link !== null && link.target.trim().toLowerCase() === wanted) return 0;
			return text < wanted ? -1 : 1;
		}
	}
}

/** -1, 0, 1 when `value` is smaller, equal or greater than `literal`; null when they do not compare. */
export function compareValue(value: unknown, literal: Literal): number | null {
	return compareWith(value, textOf(value), literal);
}

function equals(value: unknown, literal: Literal): boolean {
	return compareWith(value, textOf(value), literal) === 0;
}

/** Whether a condition holds for a present value. */
export function conditionHolds(condition: Condition, value: unknown): boolean {
	if (condition.kind === "exists") return presenceOf(value) === "value";
	if (condition.kind === "has")
		return Array.isArray(value) ? value.some((item) => equals(item, condition.value)) : equals(value, condition.value);
	if (Array.isArray(value)) return condition.kind === "compare" && condition.op === "!=";
	const text = textOf(value);
	if (condition.kind === "in") {
		for (const literal of condition.values) if (compareWith(value, text, literal) === 0) return true;
		return false;
	}
	const c = compareWith(value, text, condition.value);
	switch (condition.op) {
		case "=":
			return c === 0;
		case "!=":
			return c !== 0;
		case "<":
			return c !== null && c < 0;
		case "<=":
			return c !== null && c <= 0;
		case ">":
			return c !== null && c > 0;
		case ">=":
			return c !== null && c >= 0;
	}
}

/** The number `high` / `low` rank by: a number, a numeric text, or a date (as a day count); else null. */
export function rankingNumber(value: unknown): number | null {
	if (typeof value === "number") return Number.isFinite(value) ? value : null;
	const day = dayOf(value);
	if (day !== null) return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
	if (typeof value === "string" && value.trim() !== "") {
		const n = Number(value);
		return Number.isFinite(n) ? n : null;
	}
	return null;
}

/** A value as one line of text for explanations (lists joined with ", "; long text cut). */
export function valueText(value: unknown): string {
	const one = (v: unknown): string => {
		if (typeof v === "string") return v;
		if (typeof v === "number" || typeof v === "boolean") return String(v);
		if (v === null) return "null";
		if (v instanceof Date) return v.toISOString().slice(0, 10);
		return "(object)";
	};
	const text = Array.isArray(value) ? value.map(one).join(", ") : value === undefined ? "" : one(value);
	const line = /[\r\n\t]/.test(text) ? text.replace(/[\r\n\t]+/g, " ") : text;
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
