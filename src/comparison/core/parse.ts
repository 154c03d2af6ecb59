/**
 * Text typed into a cell → the value to write to frontmatter, or a message saying why not.
 */

import { dateKey, datetimeKey } from "./dates";
import { safeUrl, wholeLink } from "./links";
import type { ParseResult, PropertyTypeName } from "./types";

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE_WORDS = new Set(["true", "yes", "y", "on", "1", "✓"]);
const FALSE_WORDS = new Set(["false", "no", "n", "off", "0", "✗"]);

function ok(value: unknown): ParseResult {
	return { ok: true, value };
}

function fail(message: string): ParseResult {
	return { ok: false, message };
}

function quoted(text: string): string {
	return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** List items: one per line when there are line breaks, otherwise comma separated. */
function listItems(input: string): string[] {
	const pieces = /[\r\n]/.test(input) ? input.split(/\r\n|\r|\n/) : input.split(",");
	return pieces.map((p) => p.trim()).filter((p) => p !== "");
}

function parseLinks(input: string): ParseResult {
	const out: string[] = [];
	for (const item of listItems(input)) {
		if (wholeLink(item) !== null) {
			out.push(item);
		} else if (/[[\]|]/.test(item)) {
			return fail(`${quoted(item)} is not a link; write a note name or [[Note name]].`);
		} else {
			out.push(`[[${item}]]`);
		}
	}
	return ok(out);
}

function parseTags(input: string): ParseResult {
	const out: string[] = [];
	for (const raw of input.split(/[,\s]+/)) {
		const tag = raw.startsWith("#") ? raw.slice(1) : raw;
		if (tag === "") continue;
		if (/^\d+$/.test(tag)) return fail(`Tag ${quoted(tag)} needs at least one non-digit character.`);
		if (/[#!"$%&'()*+.:;<=>?@[\\\]^`{|}~]/.test(tag)) return fail(`Tag ${quoted(tag)} may only use letters, digits, "_", "-" and "/".`);
		out.push(tag);
	}
	return ok(out);
}

/**
 * Validate text typed into a cell of a column of `type`. An empty entry clears the value
 * (`null`; an empty list for list types; `""` for text). Nothing is written on failure.
 */
export function parseCellInput(type: PropertyTypeName, input: string): ParseResult {
	const text = input.trim();
	switch (type) {
		case "number": {
			if (text === "") return ok(null);
			const n = Number(text);
			return NUMBER_RE.test(text) && Number.isFinite(n) ? ok(n) : fail(`${quoted(text)} is not a number.`);
		}
		case "checkbox": {
			if (text === "") return ok(null);
			const word = text.toLowerCase();
			if (TRUE_WORDS.has(word)) return ok(true);
			if (FALSE_WORDS.has(word)) return ok(false);
			return fail(`${quoted(text)} is not true or false.`);
		}
		case "date":
			if (text === "") return ok(null);
			return dateKey(text) !== null ? ok(text) : fail(`${quoted(text)} is not a date; use YYYY-MM-DD, e.g. 2024-05-31.`);
		case "datetime":
			if (text === "") return ok(null);
			return datetimeKey(text) !== null || dateKey(text) !== null
				? ok(text)
				: fail(`${quoted(text)} is not a date and time; use YYYY-MM-DDTHH:mm, e.g. 2024-05-31T14:30.`);
		case "url":
			if (text === "") return ok(null);
			return safeUrl(text) !== null
				? ok(text)
				: fail(`${quoted(text)} is not a link; use an address starting with https://, http://, mailto: or obsidian://.`);
		case "list":
			return ok(listItems(input));
		case "links":
			return parseLinks(input);
		case "tags":
			return parseTags(text);
		case "object": {
			if (text === "") return ok(null);
			try {
				const value = JSON.parse(text) as unknown;
				if (typeof value === "object" && value !== null && !Array.isArray(value)) return ok(value);
			} catch {
				// fall through to the message
			}
			return fail('Enter a JSON object, e.g. {"key": "value"}.');
		}
		default:
			return ok(input);
	}
}
