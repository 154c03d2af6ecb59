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
 * text without escapes. A tab, a control character, a flow collection other than `[]`, a
 * comment after a value, an indicator at the start of a value, `: ` inside one, a repeated key,
 * a nested structure — anything else — returns `undefined`, and the caller parses the YAML
 * with the library. One pass over the source: linear in its length.
 *
 * `fast-yaml.test.ts` checks with fast-check that on every source it accepts, the answer equals
 * the library's.
 */

/** What `yaml`'s `toJS` gives for one of the accepted values. */
export type SimpleValue = string | number | boolean | null | SimpleValue[];

const KEY = /^[A-Za-z_][A-Za-z0-9_\-. ]*$/;
/** Keys the core schema reads as something other than text. */
const NON_TEXT_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that may change how a line is read (control, breaks YAML knows, BOM, noncharacters). */
// eslint-disable-next-line no-control-regex -- declining control characters is the point
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A plain scalar may not start with these (YAML indicators, quotes, comment, directive). */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

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
function detached(text: string): string {
	if (text.length < 13 || NOT_LATIN1.test(text)) return text;
	return Buffer.from(text, "latin1").toString("latin1");
}

/** Short texts read so far, one string each: categories, languages and tags repeat across notes. */
const shared = new Map<string, string>();
const SHARED_LENGTH = 32;
const MAX_SHARED = 65_536;

/** `text` as it is kept: the one string for a short text seen before, else a string of its own. */
function kept(text: string): string {
	if (text.length > SHARED_LENGTH) return detached(text);
	const known = shared.get(text);
	if (known !== undefined) return known;
	const own = detached(text);
	if (shared.size < MAX_SHARED) shared.set(own, own);
	return own;
}

/** A plain scalar's value by the core schema. */
function resolvePlain(text: string): SimpleValue {
	if (NULL.test(text)) return null;
	if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
	if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
	if (INT.test(text)) return parseInt(text, 10);
	if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
	if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity;
	if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
	return kept(text);
}

/** One value written after `key: ` or `- ` (already free of outer spaces), or undefined. */
function scalar(text: string): SimpleValue | undefined {
	const first = text[0];
	if (first === '"' || first === "'") {
		if (text.length < 2 || text[text.length - 1] !== first) return undefined;
		const inner = text.slice(1, -1);
		// No escapes, no doubled quotes: the text between the quotes is the value.
		if (inner.includes(first) || (first === '"' && inner.includes("\\"))) return undefined;
		return kept(inner);
	}
	if (INDICATOR_START.test(text)) return undefined;
	if (text.includes(": ") || text.endsWith(":") || text.includes(" #")) return undefined;
	return resolvePlain(text);
}

/** Split `line` at its `key:`; undefined when it is not a plain top-level key. */
function keyOf(line: string): { key: string; rest: string } | undefined {
	const colon = line.indexOf(":");
	if (colon <= 0) return undefined;
	const key = line.slice(0, colon);
	if (!KEY.test(key) || key.endsWith(" ") || NON_TEXT_KEY.test(key)) return undefined;
	const rest = line.slice(colon + 1);
	if (rest !== "" && rest[0] !== " ") return undefined;
	return { key, rest: rest.trim() };
}

/**
 * The items as an array of exactly their length (an array filled by `push` keeps room for more:
 * about 150 bytes for two items, which a vault of 100k notes with two lists each keeps in memory).
 */
function exactList(items: SimpleValue[]): SimpleValue[] {
	return items.slice();
}

/** The frontmatter object the `yaml` library would give for `source`, or undefined: parse it there. */
export function readSimpleFrontmatter(source: string): Record<string, SimpleValue> | undefined {
	const out: Record<string, SimpleValue> = {};
	const seen = new Set<string>();
	/** The list being filled (after `key:` with nothing after it), and its items' indent. */
	let list: { key: string; items: SimpleValue[]; indent: number } | null = null;
	let open: string | null = null;
	const lines = source.split("\n");
	for (let n = 0; n < lines.length; n++) {
		const raw = lines[n];
		// A CR counts only as half of CRLF; any other CR is declined with the control characters.
		const line = n < lines.length - 1 && raw.endsWith("\r") ? raw.slice(0, -1) : raw;
		if (UNSAFE_CHAR.test(line) || LONE_SURROGATE.test(line)) return undefined;
		const trimmed = line.trim();
		if (trimmed === "" || trimmed[0] === "#") continue;
		const indent = line.length - line.trimStart().length;
		if (trimmed[0] === "-" && (trimmed.length === 1 || trimmed[1] === " ")) {
			if (open === null && list === null) return undefined;
			if (list === null) {
				if (indent > 0 && indent !== 2) return undefined;
				list = { key: open as string, items: [], indent };
			} else if (indent !== list.indent) {
				return undefined;
			}
			const itemText = trimmed.slice(1).trim();
			if (itemText === "") return undefined;
			const item = scalar(itemText);
			if (item === undefined) return undefined;
			list.items.push(item);
			continue;
		}
		if (indent !== 0) return undefined;
		if (open !== null) out[open] = list === null ? null : exactList(list.items);
		open = null;
		list = null;
		const pair = keyOf(line.trimEnd());
		if (pair === undefined || seen.has(pair.key) || pair.key in Object.prototype) return undefined;
		seen.add(pair.key);
		if (pair.rest === "") {
			open = pair.key;
			continue;
		}
		if (pair.rest === "[]") {
			out[pair.key] = [];
			continue;
		}
		const value = scalar(pair.rest);
		if (value === undefined) return undefined;
		out[pair.key] = value;
	}
	if (open !== null) out[open] = list === null ? null : exactList(list.items);
	return seen.size === 0 ? undefined : out;
}
