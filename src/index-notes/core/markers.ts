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
import { CodeLines, indexOutsideCode, splitLines, type Line } from "../../shared/core/markdown-lines";

export { firstLineEnding, indexOutsideCode, splitLines, type Line } from "../../shared/core/markdown-lines";

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

/** Number of lines at the top that form the frontmatter block, or 0. */
function frontmatterLineCount(text: string): number {
	return locateFrontmatter(text)?.lineCount ?? 0;
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
