/**
 * Living blocks: generated Markdown kept current inside any note (the comparison table, a
 * decision's ranking). Finding them and splicing new text in; what a block shows is up to the
 * kind's renderer. Contract: docs/living-blocks.md.
 *
 * - A flag (`%% Comparison %%`, a setting) asks for a block; `%% Begin <Name> %%` … `%% End <Name> %%`
 *   is the block. Markers count anywhere on a line except in the frontmatter, in fenced or
 *   indented code and in inline code spans (the same reading as index blocks).
 * - Inside a block the first line holding its End marker closes it; another living Begin marker
 *   before that, or the end of the note, is an error: nothing is written.
 * - A block is `BEGIN ⏎ ⏎ CONTENT ⏎ ⏎ END` (the blank lines keep a table a table in every
 *   Markdown reader). Only the lines strictly between the marker lines change; for a flag, only
 *   the flag text. ⏎ is the Begin (or flag) line's own ending, so CRLF notes stay CRLF.
 */

import { applyEdits } from "./block-write";
import { CodeLines, firstLineEnding, indexOutsideCode, splitLines, type Line } from "./markdown-lines";
import { locateFrontmatter } from "./frontmatter-block";

export function livingBegin(name: string): string {
	return `%% Begin ${name} %%`;
}

export function livingEnd(name: string): string {
	return `%% End ${name} %%`;
}

/** A kind of living block as the finder needs it: its name (markers) and its flag (empty: none). */
export interface LivingMarkers {
	readonly name: string;
	readonly flag: string;
}

export interface LivingBlock {
	readonly kind: string;
	readonly beginLine: number;
	readonly endLine: number;
}

export interface LivingFlag {
	readonly kind: string;
	readonly line: number;
	readonly start: number;
	readonly end: number;
}

export type LivingScan =
	| { readonly ok: true; readonly lines: readonly Line[]; readonly blocks: readonly LivingBlock[]; readonly flags: readonly LivingFlag[] }
	| { readonly ok: false; readonly message: string };

/** Cheap test: may `text` hold a living block or flag of one of `kinds`? */
export function mayHoldLivingBlock(text: string, kinds: readonly LivingMarkers[]): boolean {
	return kinds.some((k) => text.includes(livingBegin(k.name)) || (k.flag !== "" && text.includes(k.flag)));
}

function earliest(content: string, needles: readonly { text: string; kind: string }[]): { kind: string; at: number; text: string } | null {
	let best: { kind: string; at: number; text: string } | null = null;
	for (const n of needles) {
		if (n.text === "" || !content.includes(n.text)) continue;
		const at = indexOutsideCode(content, n.text);
		if (at >= 0 && (best === null || at < best.at)) best = { kind: n.kind, at, text: n.text };
	}
	return best;
}

/** Every living block and flag of a note. Never throws. */
export function scanLivingBlocks(text: string, kinds: readonly LivingMarkers[]): LivingScan {
	const lines = splitLines(text);
	const begins = kinds.map((k) => ({ text: livingBegin(k.name), kind: k.name }));
	const ends = kinds.map((k) => ({ text: livingEnd(k.name), kind: k.name }));
	const flags = kinds.map((k) => ({ text: k.flag, kind: k.name }));
	const blocks: LivingBlock[] = [];
	const found: LivingFlag[] = [];
	const code = new CodeLines();
	let open: { kind: string; line: number } | null = null;
	for (let i = locateFrontmatter(text)?.lineCount ?? 0; i < lines.length; i++) {
		const line = lines[i];
		const content = text.slice(line.start, line.end);
		if (code.isCode(content)) continue;
		if (!content.includes("%") && !flags.some((f) => f.text !== "" && content.includes(f.text))) continue;
		if (open !== null) {
			if (indexOutsideCode(content, livingEnd(open.kind)) >= 0) {
				blocks.push({ kind: open.kind, beginLine: open.line, endLine: i });
				open = null;
			} else if (earliest(content, begins) !== null) {
				return { ok: false, message: unmatched(open.kind, open.line) };
			}
			continue;
		}
		const begin = earliest(content, begins);
		if (begin !== null) {
			open = { kind: begin.kind, line: i };
			continue;
		}
		if (earliest(content, ends) !== null) continue; // a stray End marker is plain text
		const flag = earliest(content, flags);
		if (flag !== null)
			found.push({ kind: flag.kind, line: i, start: line.start + flag.at, end: line.start + flag.at + flag.text.length });
	}
	if (open !== null) return { ok: false, message: unmatched(open.kind, open.line) };
	return { ok: true, lines, blocks, flags: found };
}

function unmatched(kind: string, line: number): string {
	return `"${livingBegin(kind)}" on line ${line + 1} has no matching "${livingEnd(kind)}" after it; the note was not changed.`;
}

/** What a renderer gives for one block: its lines (without line endings), or why it cannot. */
export type BlockContent =
	| {
			readonly ok: true;
			readonly lines: readonly string[];
			/** Paths of the notes the block shows (their namesakes change its links). */
			readonly shown?: readonly string[];
	  }
	| { readonly ok: false; readonly message: string };

export type LivingOutcome =
	| { readonly status: "unchanged" }
	| { readonly status: "changed"; readonly text: string }
	| { readonly status: "error"; readonly message: string };

const UNCHANGED: LivingOutcome = { status: "unchanged" };

/** The lines between the Begin and End lines: a blank line, the content, a blank line. */
function region(lines: readonly string[], eol: string): string {
	return `${eol}${lines.join(eol)}${eol}${eol}`;
}

/**
 * The note's new text with every living block regenerated and every flag expanded. `render` is
 * asked once per kind present; an error of any block leaves the whole note as it is.
 */
export function refreshLivingText(text: string, kinds: readonly LivingMarkers[], render: (kind: string) => BlockContent): LivingOutcome {
	if (!mayHoldLivingBlock(text, kinds)) return UNCHANGED;
	const scan = scanLivingBlocks(text, kinds);
	if (!scan.ok) return { status: "error", message: scan.message };
	if (scan.blocks.length === 0 && scan.flags.length === 0) return UNCHANGED;
	const rendered = new Map<string, BlockContent>();
	const contentOf = (kind: string): BlockContent => {
		let c = rendered.get(kind);
		if (c === undefined) {
			c = render(kind);
			rendered.set(kind, c);
		}
		return c;
	};
	const edits: { start: number; end: number; text: string }[] = [];
	for (const block of scan.blocks) {
		const content = contentOf(block.kind);
		if (!content.ok) return { status: "error", message: content.message };
		const begin = scan.lines[block.beginLine];
		const end = scan.lines[block.endLine];
		const eol = begin.eol === "" ? "\n" : begin.eol;
		const start = begin.end + begin.eol.length;
		const next = region(content.lines, eol);
		if (text.slice(start, end.start) !== next) edits.push({ start, end: end.start, text: next });
	}
	for (const flag of scan.flags) {
		const content = contentOf(flag.kind);
		if (!content.ok) return { status: "error", message: content.message };
		const line = scan.lines[flag.line];
		const eol = line.eol === "" ? firstLineEnding(text) : line.eol;
		edits.push({
			start: flag.start,
			end: flag.end,
			text: `${livingBegin(flag.kind)}${eol}${region(content.lines, eol)}${livingEnd(flag.kind)}`,
		});
	}
	return applyEdits(text, edits);
}
