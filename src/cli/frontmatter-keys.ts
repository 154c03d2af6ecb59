/**
 * A cheap, conservative test run on a note's frontmatter source before the (costly) YAML parse:
 * can this YAML give one of these top-level keys? When the answer is no, the parse is skipped and
 * the note simply has no value for those keys, which is exactly what the parse would have said.
 *
 * "No" is only answered when it is certain: the source is read line by line, and a line that
 * starts (after indentation) with a key of the set, plain or quoted, followed by `:` means "maybe".
 * Anything that could spell a key another way makes the answer "maybe" too (the note is then
 * parsed as usual): flow collections (`{`, `[`), explicit keys (`?`, `:`), anchors, aliases and
 * tags (`&`, `*`, `!`), merge keys (`<<`), directives (`%`), document markers, escapes inside a
 * quoted key, an unclosed quote, and wanted keys that YAML would read as something other than
 * that text (numbers, booleans, null, keys with indicator characters or outer spaces, names of
 * `Object.prototype` members). Lines are split on every character any YAML version treats as a
 * line break. It never reads a line as "not a key" unless the line cannot start one.
 */

/** Wanted keys this test handles; for any other key the note is always parsed. */
const PLAIN_KEY = /^[\p{L}_][\p{L}\p{N}_\-./ ]*$/u;
const NOT_TEXT = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);

export function prefilterableKey(key: string): boolean {
	return PLAIN_KEY.test(key) && !key.endsWith(" ") && !NOT_TEXT.has(key.toLowerCase()) && !(key in Object.prototype);
}

/** First characters of a line that may spell a key in a way this test does not read. */
const UNSURE_START = new Set(["{", "[", "?", ":", "&", "*", "!", "<", "%", "@", "`", "|", ">"]);

function isBreak(code: number): boolean {
	return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function isBlank(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0xfeff;
}

/** After a key ending before `at`: blanks then `:`? */
function colonFollows(source: string, at: number, end: number): boolean {
	let i = at;
	while (i < end && (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09)) i++;
	return i < end && source.charCodeAt(i) === 0x3a;
}

/** True when the line `[start, end)` may start one of the keys, or cannot be read safely. */
function lineMayHold(source: string, start: number, end: number, keys: ReadonlySet<string>): boolean {
	let i = start;
	while (i < end && isBlank(source.charCodeAt(i))) i++;
	if (i === end) return false;
	const c = source[i] ?? "";
	if (c === "#") return false;
	if (UNSURE_START.has(c)) return true;
	if ((c === "-" || c === ".") && source.startsWith(c + c + c, i)) return true;
	if (c === '"') {
		let j = i + 1;
		while (j < end && source[j] !== '"') {
			if (source[j] === "\\") return true;
			j++;
		}
		if (j >= end) return true;
		return colonFollows(source, j + 1, end) && keys.has(source.slice(i + 1, j));
	}
	if (c === "'") {
		let key = "";
		let j = i + 1;
		for (;;) {
			if (j >= end) return true;
			if (source[j] === "'") {
				if (source[j + 1] !== "'") break;
				key += "'";
				j += 2;
				continue;
			}
			key += source[j] ?? "";
			j++;
		}
		return colonFollows(source, j + 1, end) && keys.has(key);
	}
	for (const key of keys) {
		if (source.startsWith(key, i) && i + key.length <= end && colonFollows(source, i + key.length, end)) return true;
	}
	return false;
}

/**
 * False only when the YAML `source` certainly has none of `keys` as a top-level key (its parse
 * would give no value for any of them). True means "parse it to know".
 */
export function mayHoldKeys(source: string, keys: ReadonlySet<string>): boolean {
	if (keys.size === 0) return false;
	for (const key of keys) if (!prefilterableKey(key)) return true;
	let start = 0;
	const n = source.length;
	while (start < n) {
		let end = start;
		while (end < n && !isBreak(source.charCodeAt(end))) end++;
		if (lineMayHold(source, start, end, keys)) return true;
		start = end + 1;
	}
	return false;
}
