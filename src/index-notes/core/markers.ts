/**
 * Finding index blocks and flags in a note's text.
 *
 * Rules (contract: docs/index-format.md, "Markers"):
 * - A marker is recognised when a line contains it (Waypoint's rule), except where that text is
 *   not markdown: inside a fenced code block (``` or ~~~, also inside `>` quotes), inside an
 *   inline code span on that line, or inside the YAML frontmatter at the top of the note.
 * - Inline code spans are found per line (a run of N backticks up to the next run of exactly N);
 *   a span that would continue on the next line is not followed there.
 * - Outside a block: a Begin marker opens a block (the earliest one on the line wins); an End
 *   marker with no open block is ordinary text; otherwise a flag on the line is a flag (the
 *   earliest one). A line holding our own error comment is never read as a flag, so a flag text
 *   that happens to occur in the error message cannot make the note grow on every refresh.
 * - Inside a block of kind K: the first line holding End(K) closes it. A Begin marker before that
 *   is an error (the first Begin has no End), as is reaching the end of the note.
 * - Flags and End markers of the other kind inside a block are block content (regenerated).
 */
import type { IndexSettings } from "../../shared/core/settings";
import { locateFrontmatter } from "../../shared/core/frontmatter-block";

export type IndexKind = "waypoint" | "landmark";

export const BEGIN_WAYPOINT = "%% Begin Waypoint %%";
export const END_WAYPOINT = "%% End Waypoint %%";
export const BEGIN_LANDMARK = "%% Begin Landmark %%";
export const END_LANDMARK = "%% End Landmark %%";

/** Text every error comment we write starts with (see `errorLine`). */
export const ERROR_PREFIX = "%% Error: Cannot create a ";

export function beginMarker(kind: IndexKind): string {
	return kind === "waypoint" ? BEGIN_WAYPOINT : BEGIN_LANDMARK;
}

export function endMarker(kind: IndexKind): string {
	return kind === "waypoint" ? END_WAYPOINT : END_LANDMARK;
}

/** One line of the note: `[start, end)` is its content, `eol` its line ending (`""` on the last line). */
export interface Line {
	readonly start: number;
	readonly end: number;
	readonly eol: "" | "\n" | "\r\n" | "\r";
}

export interface FoundBlock {
	readonly kind: IndexKind;
	/** Index (in `lines`) of the line holding the Begin marker. */
	readonly beginLine: number;
	/** Index of the line holding the End marker. */
	readonly endLine: number;
}

export interface FoundFlag {
	readonly kind: IndexKind;
	readonly line: number;
	/** Absolute offsets of the flag text itself. */
	readonly start: number;
	readonly end: number;
}

export type ScanResult =
	| {
			readonly ok: true;
			readonly lines: readonly Line[];
			readonly blocks: readonly FoundBlock[];
			readonly flags: readonly FoundFlag[];
	  }
	| { readonly ok: false; readonly message: string };

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

/** Number of lines at the top that form the frontmatter block, or 0. */
function frontmatterLineCount(text: string): number {
	return locateFrontmatter(text)?.lineCount ?? 0;
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
class CodeLines {
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

interface Needle {
	readonly text: string;
	readonly kind: IndexKind;
}

function earliest(line: string, needles: readonly Needle[]): { kind: IndexKind; at: number; text: string } | null {
	let best: { kind: IndexKind; at: number; text: string } | null = null;
	for (const n of needles) {
		if (n.text === "" || !line.includes(n.text)) continue;
		const at = indexOutsideCode(line, n.text);
		if (at >= 0 && (best === null || at < best.at)) best = { kind: n.kind, at, text: n.text };
	}
	return best;
}

const BEGINS: readonly Needle[] = [
	{ text: BEGIN_WAYPOINT, kind: "waypoint" },
	{ text: BEGIN_LANDMARK, kind: "landmark" },
];
const ENDS: readonly Needle[] = [
	{ text: END_WAYPOINT, kind: "waypoint" },
	{ text: END_LANDMARK, kind: "landmark" },
];

function flagNeedles(settings: IndexSettings): Needle[] {
	return [
		{ text: settings.waypointFlag, kind: "waypoint" },
		{ text: settings.landmarkFlag, kind: "landmark" },
	];
}

/** Cheap test: may this text hold a block or a flag? */
export function mayContainIndex(text: string, settings: IndexSettings): boolean {
	return (
		text.includes(BEGIN_WAYPOINT) ||
		text.includes(BEGIN_LANDMARK) ||
		(settings.waypointFlag !== "" && text.includes(settings.waypointFlag)) ||
		(settings.landmarkFlag !== "" && text.includes(settings.landmarkFlag))
	);
}

/** Find every block and flag of a note. Never throws. */
export function scanNote(text: string, settings: IndexSettings): ScanResult {
	const lines = splitLines(text);
	const flags = flagNeedles(settings);
	const blocks: FoundBlock[] = [];
	const found: FoundFlag[] = [];
	const code = new CodeLines();
	let open: { kind: IndexKind; line: number } | null = null;
	for (let i = frontmatterLineCount(text); i < lines.length; i++) {
		const line = lines[i];
		const content = text.slice(line.start, line.end);
		if (code.isCode(content)) continue;
		if (!content.includes("%") && !flags.some((f) => f.text !== "" && content.includes(f.text))) continue;
		if (open !== null) {
			if (indexOutsideCode(content, endMarker(open.kind)) >= 0) {
				blocks.push({ kind: open.kind, beginLine: open.line, endLine: i });
				open = null;
			} else if (earliest(content, BEGINS) !== null) {
				return { ok: false, message: unmatchedMessage(open.kind, open.line) };
			}
			continue;
		}
		const begin = earliest(content, BEGINS);
		if (begin !== null) {
			open = { kind: begin.kind, line: i };
			continue;
		}
		if (earliest(content, ENDS) !== null) continue; // a stray End marker is plain text
		if (content.includes(ERROR_PREFIX)) continue;
		const flag = earliest(content, flags);
		if (flag !== null) {
			found.push({
				kind: flag.kind,
				line: i,
				start: line.start + flag.at,
				end: line.start + flag.at + flag.text.length,
			});
		}
	}
	if (open !== null) return { ok: false, message: unmatchedMessage(open.kind, open.line) };
	return { ok: true, lines, blocks, flags: found };
}

function unmatchedMessage(kind: IndexKind, line: number): string {
	return `"${beginMarker(kind)}" on line ${line + 1} has no matching "${endMarker(kind)}" after it; the note was not changed.`;
}

/**
 * Kinds of index this text holds (a Begin marker or a flag outside code), matched or not.
 * Used to know which folder notes are nested waypoints.
 */
export function indexKindsIn(text: string, settings: IndexSettings): ReadonlySet<IndexKind> {
	const kinds = new Set<IndexKind>();
	if (!mayContainIndex(text, settings)) return kinds;
	const lines = splitLines(text);
	const needles = [...BEGINS, ...flagNeedles(settings)];
	const code = new CodeLines();
	for (let i = frontmatterLineCount(text); i < lines.length; i++) {
		const content = text.slice(lines[i].start, lines[i].end);
		if (code.isCode(content)) continue;
		if (content.includes(ERROR_PREFIX)) continue;
		for (const n of needles) {
			if (n.text !== "" && content.includes(n.text) && indexOutsideCode(content, n.text) >= 0) kinds.add(n.kind);
		}
		if (kinds.size === 2) break;
	}
	return kinds;
}
