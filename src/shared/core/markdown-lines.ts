/**
 * Lines of a note and which of them are Markdown rather than code: what every block finder
 * (index blocks, living blocks) reads a note with. Line endings are kept as they are (LF, CRLF or
 * a lone CR), so a block spliced into a note keeps the note's own endings.
 */

/** One line of the note: `[start, end)` is its content, `eol` its line ending (`""` on the last line). */
export interface Line {
	readonly start: number;
	readonly end: number;
	readonly eol: "" | "\n" | "\r\n" | "\r";
}

const LINE_END = /\r\n|\r|\n/g;

/** Split text into lines, keeping each line's own ending (LF, CRLF, or a lone CR). */
export function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	if (/\r(?!\n)/.test(text)) {
		// Lone carriage returns (old Mac line endings): the slower, general split.
		LINE_END.lastIndex = 0;
		for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
			lines.push({ start, end: m.index, eol: m[0] as Line["eol"] });
			start = m.index + m[0].length;
		}
		lines.push({ start, end: text.length, eol: "" });
		return lines;
	}
	for (;;) {
		const nl = text.indexOf("\n", start);
		if (nl < 0) {
			lines.push({ start, end: text.length, eol: "" });
			return lines;
		}
		const cr = nl > start && text.charCodeAt(nl - 1) === 13;
		lines.push({ start, end: cr ? nl - 1 : nl, eol: cr ? "\r\n" : "\n" });
		start = nl + 1;
	}
}

/** The first line ending of `text` (`\n` when it has none): what a new block's lines use. */
export function firstLineEnding(text: string): "\n" | "\r\n" | "\r" {
	LINE_END.lastIndex = 0;
	const m = LINE_END.exec(text);
	return m === null ? "\n" : (m[0] as "\n" | "\r\n" | "\r");
}

interface Fence {
	readonly char: string;
	readonly length: number;
}

const FENCE = /^[\s>]*(`{3,}|~{3,})(.*)$/;

/** If `content` opens a fence, the fence; otherwise null. */
function opensFence(content: string): Fence | null {
	if (!content.includes("```") && !content.includes("~~~")) return null;
	const m = FENCE.exec(content);
	if (m === null) return null;
	const run = m[1];
	// A backtick fence's info string may not contain a backtick (CommonMark).
	if (run[0] === "`" && m[2].includes("`")) return null;
	return { char: run[0], length: run.length };
}

function closesFence(content: string, fence: Fence): boolean {
	const m = FENCE.exec(content);
	if (m === null) return false;
	const run = m[1];
	return run[0] === fence.char && run.length >= fence.length && m[2].trim() === "";
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Which lines are code rather than markdown, read line by line: fenced code blocks (also inside
 * `>` quotes) and indented code blocks (four columns of indentation after a blank line, a
 * heading or the start of the note; inside a list such lines belong to the list item).
 * Runs on every line of every index note, so each line is looked at once, without allocating.
 */
export class CodeLines {
	private fence: Fence | null = null;
	private indented = false;
	private canStartIndented = true;
	private inList = false;

	/** Whether `content` (the next line) is code. */
	isCode(content: string): boolean {
		if (this.fence !== null) {
			if (closesFence(content, this.fence)) {
				this.fence = null;
				this.canStartIndented = true;
			}
			return true;
		}
		// Leading blanks in columns (a tab advances to the next multiple of four) and the first other character.
		let columns = 0;
		let at = 0;
		for (; at < content.length; at++) {
			const c = content.charCodeAt(at);
			if (c === 32) columns++;
			else if (c === 9) columns += 4 - (columns % 4);
			else if (c !== 13 && c !== 12 && c !== 11) break;
		}
		if (at === content.length) {
			this.canStartIndented = true;
			return false;
		}
		if (columns >= 4 && (this.indented || (this.canStartIndented && !this.inList))) {
			this.indented = true;
			return true;
		}
		const wasBlank = this.canStartIndented;
		this.indented = false;
		const first = content[at];
		if (columns < 4) {
			const maybeItem = first === "-" || first === "*" || first === "+" || (first >= "0" && first <= "9");
			this.inList = (maybeItem && LIST_ITEM.test(content)) || (this.inList && !wasBlank);
		}
		this.canStartIndented = first === "#" && ATX_HEADING.test(content);
		const fence = opensFence(content);
		if (fence !== null) {
			this.fence = fence;
			return true;
		}
		return false;
	}
}

/**
 * Offset in `line` of the first occurrence of `needle` that is not inside an inline code span,
 * or -1.
 */
export function indexOutsideCode(line: string, needle: string): number {
	if (needle === "") return -1;
	let at = line.indexOf(needle);
	if (at < 0 || !line.includes("`")) return at;
	const spans = codeSpans(line);
	// Spans are in order and do not overlap: one pointer walks them as the occurrences move right.
	let span = 0;
	while (at >= 0) {
		while (span < spans.length && spans[span][1] <= at) span++;
		const inside = span < spans.length && at + needle.length > spans[span][0];
		if (!inside) return at;
		at = line.indexOf(needle, at + 1);
	}
	return -1;
}

/** `[start, end)` ranges of the inline code spans of one line (backticks included). */
function codeSpans(line: string): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	let i = 0;
	while (i < line.length) {
		if (line[i] !== "`") {
			i++;
			continue;
		}
		let j = i;
		while (j < line.length && line[j] === "`") j++;
		const run = j - i;
		// Find the next run of exactly `run` backticks.
		let k = j;
		let close = -1;
		while (k < line.length) {
			if (line[k] !== "`") {
				k++;
				continue;
			}
			let m = k;
			while (m < line.length && line[m] === "`") m++;
			if (m - k === run) {
				close = m;
				break;
			}
			k = m;
		}
		if (close < 0) {
			i = j; // unmatched run: literal backticks
		} else {
			spans.push([i, close]);
			i = close;
		}
	}
	return spans;
}
