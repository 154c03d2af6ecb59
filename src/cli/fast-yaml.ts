/**
 * A fast reader for the frontmatter most notes have — a flat mapping of plain keys to simple
 * scalars and lists — that answers exactly what the `yaml` library (YAML 1.2, core schema, as
 * `parseFrontmatter` calls it) answers, and declines everything else.
 *
 * It accepts only what it fully understands, line by line: `key: value`, `key:` followed by
 * `- item` lines (or nothing: null), `key: []`, full-line comments and blank lines. Keys are
 * plain words (letters, digits, `_`, `-`, `.`, inner spaces) that resolve to text. Values are
 * single-line plain scalars resolved with the core schema's own tests (null, booleans, integers
 * in decimal, octal and hexadecimal, floats, infinities, NaN; anything else is text), or quoted
 * text without escapes. A tab, a control character, a space other than the plain space (JavaScript
 * would trim it), a flow collection other than `[]`, a
 * comment after a value, an indicator at the start of a value, `: ` inside one, a repeated key,
 * a nested structure — anything else — returns `undefined`, and the caller parses the YAML
 * with the library. One pass over the source: linear in its length.
 *
 * `fast-yaml.test.ts` checks with fast-check that on every source it accepts, the answer equals
 * the library's.
 */

/** What `yaml`'s `toJS` gives for one of the accepted values. */
export type SimpleValue = string | number | boolean | null | SimpleValue[];

/** Keys the core schema reads as something other than text. */
const NON_TEXT_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Whether each ASCII character is in `chars` (a table read by character code). */
function asciiTable(chars: string): Uint8Array {
	const table = new Uint8Array(128);
	for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
	return table;
}

/** A plain scalar may not start with these (YAML indicators, quotes, comment, directive). */
const INDICATOR_START = asciiTable("-?:,[]{}#&*!|>'\"%@`");

// The core schema's tests, in the order the library tries them.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A character Latin-1 cannot hold (the copy below is made only for text without one). */
const NOT_LATIN1 = /[\u0100-\uffff]/;

/**
 * `text` as a string of its own. A value cut from the frontmatter source (13 characters or
 * more) otherwise refers to the whole source and keeps it in memory as long as the value lives:
 * a model of 100k notes would hold every note's frontmatter text besides its values.
 */
function detached(text: string, latin1: boolean): string {
	if (text.length < 13 || (!latin1 && NOT_LATIN1.test(text))) return text;
	return Buffer.from(text, "latin1").toString("latin1");
}

/** Short texts read so far, one string each: categories, languages and tags repeat across notes. */
const shared = new Map<string, string>();
const SHARED_LENGTH = 32;
const MAX_SHARED = 65_536;

/** `text` as it is kept: the one string for a short text seen before, else a string of its own. */
function kept(text: string, latin1: boolean): string {
	if (text.length > SHARED_LENGTH) return detached(text, latin1);
	const known = shared.get(text);
	if (known !== undefined) return known;
	const own = detached(text, latin1);
	if (shared.size < MAX_SHARED) shared.set(own, own);
	return own;
}

/** The first characters of every plain scalar the core schema reads as something other than text. */
const NON_TEXT_START = asciiTable("-+.~0123456789nNtTfF");

/** Whether `text` is made of the digits 0-9 only. */
function allDigits(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/** A plain scalar's value by the core schema. */
function resolvePlain(text: string, latin1: boolean): SimpleValue {
	// Most values are words or sentences: text by their first character alone.
	const first = text.charCodeAt(0);
	if (text !== "" && !(first < 128 && NON_TEXT_START[first] === 1)) return kept(text, latin1);
	// Decimal digits alone, the commonest number: what the INT test below would give.
	if (first >= 48 && first <= 57 && allDigits(text)) return parseInt(text, 10);
	if (NULL.test(text)) return null;
	if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
	if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
	if (INT.test(text)) return parseInt(text, 10);
	if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
	if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity;
	if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
	return kept(text, latin1);
}

/** One value written after `key: ` or `- ` (already free of outer spaces), or undefined. */
function scalar(text: string, latin1: boolean): SimpleValue | undefined {
	const first = text[0];
	if (first === '"' || first === "'") {
		if (text.length < 2 || text[text.length - 1] !== first) return undefined;
		const inner = text.slice(1, -1);
		// No escapes, no doubled quotes: the text between the quotes is the value.
		if (inner.includes(first) || (first === '"' && inner.includes("\\"))) return undefined;
		return kept(inner, latin1);
	}
	const code = text.charCodeAt(0);
	if (code < 128 && INDICATOR_START[code] === 1) return undefined;
	// `: ` inside or `:` at the end would make a mapping; most values hold no colon at all.
	const colon = text.indexOf(":");
	if (colon >= 0 && (colon === text.length - 1 || text.includes(": ", colon))) return undefined;
	if (text.includes(" #")) return undefined;
	return resolvePlain(text, latin1);
}

/**
 * What a source may not hold for this reader: control characters other than a line break (a CR
 * only as half of CRLF), the breaks YAML knows, a byte order mark, noncharacters, and the spaces
 * JavaScript trims other than the plain space (so that a line's blanks are plain spaces only).
 */
const DECLINED =
	// eslint-disable-next-line no-control-regex -- declining control characters is the point
	/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff]|\r(?!\n)/;
/** `DECLINED` or a character beyond Latin-1 (which `DECLINED`'s characters above U+00FF are). */
const DECLINED_OR_WIDE =
	// eslint-disable-next-line no-control-regex -- as DECLINED
	/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u00a0\u0100-\uffff]|\r(?!\n)/;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const CR = 13;

/**
 * Keys read from earlier sources, by their place in the source: notes of a vault list the same
 * keys in the same order, so a key is usually found here without cutting a new string from the
 * source (and the one kept is the string the objects already use as their property name).
 */
const keysByPlace: string[] = [];
/** Whether the key kept at each place passed the checks every key needs (text, not inherited). */
const keyFitsByPlace: boolean[] = [];
const MAX_KEY_PLACES = 64;

/** Whether `source[from, to)` is a plain key (the `KEY` pattern, no space at its end). */
function isPlainKey(source: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = source.charCodeAt(i);
		const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
		if (letter) continue;
		if (i === from) return false;
		if ((c >= 48 && c <= 57) || c === 45 || c === 46 || c === SPACE) continue;
		return false;
	}
	return source.charCodeAt(to - 1) !== SPACE;
}

/** The key `source[from, to)` (known to be plain) as a string, from `keysByPlace` when it is there. */
function keyAt(source: string, from: number, to: number, place: number): string {
	const known = place < MAX_KEY_PLACES ? keysByPlace[place] : undefined;
	if (known !== undefined && known.length === to - from && source.startsWith(known, from)) return known;
	const key = source.slice(from, to);
	if (place < MAX_KEY_PLACES) {
		keysByPlace[place] = key;
		keyFitsByPlace[place] = keyFits(key);
	}
	return key;
}

/** Whether a key reads as text by the core schema and is no name `Object.prototype` answers to. */
function keyFits(key: string): boolean {
	return !NON_TEXT_KEY.test(key) && !(key in Object.prototype);
}

/**
 * The items as an array of exactly their length (an array filled by `push` keeps room for more:
 * about 150 bytes for two items, which a vault of 100k notes with two lists each keeps in memory).
 */
function exactList(items: SimpleValue[]): SimpleValue[] {
	return items.slice();
}

/**
 * The frontmatter object the `yaml` library would give for `source`, or undefined: parse it there.
 * One pass over the lines by index (no line strings are made): only keys and values are cut out.
 */
export function readSimpleFrontmatter(source: string): Record<string, SimpleValue> | undefined {
	// One scan answers for most sources: nothing declined, nothing beyond Latin-1 (so no surrogate).
	let latin1 = true;
	if (DECLINED_OR_WIDE.test(source)) {
		if (DECLINED.test(source)) return undefined;
		latin1 = !NOT_LATIN1.test(source);
		if (!latin1 && LONE_SURROGATE.test(source)) return undefined;
	}
	const out: Record<string, SimpleValue> = {};
	let keys = 0;
	/** The list being filled (after `key:` with nothing after it), and its items' indent. */
	let items: SimpleValue[] | null = null;
	let itemIndent = 0;
	let open: string | null = null;
	for (let lineStart = 0; lineStart <= source.length;) {
		const newline = source.indexOf("\n", lineStart);
		const next = newline < 0 ? source.length + 1 : newline + 1;
		// Blanks are plain spaces here (see DECLINED); a CR is the first half of CRLF.
		let end = newline < 0 ? source.length : newline;
		if (end > lineStart && source.charCodeAt(end - 1) === CR) end--;
		let from = lineStart;
		while (from < end && source.charCodeAt(from) === SPACE) from++;
		while (end > from && source.charCodeAt(end - 1) === SPACE) end--;
		const indent = from - lineStart;
		lineStart = next;
		if (from === end || source.charCodeAt(from) === HASH) continue;
		if (source.charCodeAt(from) === DASH && (end - from === 1 || source.charCodeAt(from + 1) === SPACE)) {
			if (open === null) return undefined;
			if (items === null) {
				if (indent > 0 && indent !== 2) return undefined;
				items = [];
				itemIndent = indent;
			} else if (indent !== itemIndent) {
				return undefined;
			}
			let itemFrom = from + 1;
			while (itemFrom < end && source.charCodeAt(itemFrom) === SPACE) itemFrom++;
			if (itemFrom === end) return undefined;
			const item = scalar(source.slice(itemFrom, end), latin1);
			if (item === undefined) return undefined;
			items.push(item);
			continue;
		}
		if (indent !== 0) return undefined;
		if (open !== null) out[open] = items === null ? null : exactList(items);
		open = null;
		items = null;
		// `key:` then nothing, or a space and the value.
		const colon = source.indexOf(":", from);
		if (colon <= from || colon >= end || !isPlainKey(source, from, colon)) return undefined;
		if (colon + 1 < end && source.charCodeAt(colon + 1) !== SPACE) return undefined;
		const key = keyAt(source, from, colon, keys);
		const fits = keys < MAX_KEY_PLACES && keysByPlace[keys] === key ? keyFitsByPlace[keys] : keyFits(key);
		if (!fits || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
		keys++;
		let valueFrom = colon + 1;
		while (valueFrom < end && source.charCodeAt(valueFrom) === SPACE) valueFrom++;
		if (valueFrom === end) {
			open = key;
			continue;
		}
		if (end - valueFrom === 2 && source.charCodeAt(valueFrom) === 91 && source.charCodeAt(valueFrom + 1) === 93) {
			out[key] = [];
			continue;
		}
		const value = scalar(source.slice(valueFrom, end), latin1);
		if (value === undefined) return undefined;
		out[key] = value;
	}
	if (open !== null) out[open] = items === null ? null : exactList(items);
	return keys === 0 ? undefined : out;
}
