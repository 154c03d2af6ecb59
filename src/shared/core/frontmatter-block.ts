/**
 * Where a note's frontmatter (properties) block is, by Obsidian's rule: the very first line of
 * the note (after an optional byte order mark) is `---`, and the block ends at the next line that
 * is `---`. Spaces or tabs after either fence are allowed; lines may end in LF or CRLF. Anything
 * else (a `---` further down, an unclosed block, `...` as the closing line) is not frontmatter.
 * One forward scan: linear in the length of the text.
 */

/** Offsets into the note's text (UTF-16 code units). */
export interface FrontmatterRange {
	/** Start of the opening `---` line (1 after a byte order mark, else 0). */
	readonly start: number;
	/** Start of the YAML: just after the opening line's line break. */
	readonly innerStart: number;
	/** End of the YAML: start of the closing `---` line. */
	readonly innerEnd: number;
	/** Just after the closing line, including its line break when it has one. */
	readonly end: number;
	/** Lines before the body: both fences and the YAML between them. */
	readonly lineCount: number;
	/** The YAML text between the fences (ends with its last line break unless empty). */
	readonly yaml: string;
}

/** True when `text[from, to)` is `---` followed only by spaces, tabs or a final `\r`. */
function isFence(text: string, from: number, to: number): boolean {
	if (to - from < 3 || !text.startsWith("---", from)) return false;
	let end = to;
	if (end > from + 3 && text.charCodeAt(end - 1) === 13) end--;
	for (let i = from + 3; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9) return false;
	}
	return true;
}

/** The frontmatter block at the top of `text`, or null when the note has none. */
export function locateFrontmatter(text: string): FrontmatterRange | null {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const firstEnd = text.indexOf("\n", start);
	if (firstEnd < 0 || !isFence(text, start, firstEnd)) return null;
	const innerStart = firstEnd + 1;
	let lineStart = innerStart;
	let lineCount = 1;
	while (lineStart <= text.length) {
		const newline = text.indexOf("\n", lineStart);
		const lineEnd = newline < 0 ? text.length : newline;
		lineCount++;
		if (isFence(text, lineStart, lineEnd)) {
			const end = newline < 0 ? text.length : newline + 1;
			return { start, innerStart, innerEnd: lineStart, end, lineCount, yaml: text.slice(innerStart, lineStart) };
		}
		if (newline < 0) return null;
		lineStart = newline + 1;
	}
	return null;
}
