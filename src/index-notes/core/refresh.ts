/**
 * Splicing: compute a note's new text so that only index regions change.
 *
 * Byte rules (contract "The block, byte by byte" and "Deliberate differences" 3):
 * - A block is `BEGIN ⏎ TREE ⏎ ⏎ END`; an empty tree gives `BEGIN ⏎ ⏎ ⏎ END`.
 * - On refresh only the lines strictly between the Begin line and the End line are replaced; the
 *   marker lines themselves (and any text sharing them) are kept byte for byte.
 * - ⏎ is the line ending of the Begin line (for a flag: of the flag's line, or the note's first
 *   line ending when the flag is on the last line, `\n` when the note has none), so CRLF notes
 *   stay CRLF.
 * - A flag: ONLY the flag text is replaced by the block. Text before it on the line stays before
 *   the Begin marker on the same line, text after it stays after the End marker on the same
 *   line, byte for byte: `Intro %% Waypoint %% outro` becomes `Intro %% Begin Waypoint %%⏎…⏎⏎%%
 *   End Waypoint %% outro`. The common bare flag line therefore gives exactly Waypoint's bytes,
 *   and a refresh of the result changes nothing (the marker lines are kept as they are).
 * - Callouts: when the Begin line, or the text before a flag, starts with `>` (after blanks),
 *   every block line is prefixed with `>` (the blank line before END becomes `>`). A flag line
 *   that holds only `>`, blanks and the flag becomes `>[!waypoint]` (or `>[!landmark]`) followed
 *   by the prefixed block, the End line followed by any text that came after the flag. When a
 *   quoted flag shares its line with other text, that text keeps its line and the callout starts
 *   on the next line.
 * - A flag in a note that is not a folder note (or in the vault root) is replaced, again only the
 *   flag text, by the error comment (`errorLine`). An existing block in such a note is left alone.
 * - A Begin marker without its End marker: an error outcome, nothing is written.
 */
import { applyEdits } from "../../shared/core/block-write";
import type { LinkNames } from "../../shared/core/link-names";
import type { IndexSettings } from "../../shared/core/settings";
import { isFile, type VaultSnapshot } from "../../shared/core/vault";
import { folderOfFolderNote } from "./folder-notes";
import { beginMarker, endMarker, firstLineEnding, indexKindsIn, mayContainIndex, scanNote, type IndexKind, type Line } from "./markers";
import { indexOptions } from "./options";
import { renderIndexLines, type LinkTextFn } from "./tree";

/** Where the "here" of the error line points. Change it here only. */
export const INSTRUCTIONS_URL = "https://github.com/framework-notes/framework-notes#index-notes";

export interface RefreshContext {
	readonly snapshot: VaultSnapshot;
	readonly settings: IndexSettings;
	/** Only used when settings.linkFormat === "obsidian": link text for `target` as written in the note at `sourcePath` (the adapter wraps FileManager.generateMarkdownLink). */
	readonly linkText?: LinkTextFn;
	/**
	 * Whether the folder note at `notePath` holds a waypoint (Begin Waypoint marker or waypoint
	 * flag, outside code). Trees stop at such nested waypoints (contract "Tree lines"). The
	 * snapshot has no note text, so the adapter supplies this (for example from a cache filled with
	 * `indexKindsIn(text, settings)` when folder notes are read; see `holdsWaypointVia`). When
	 * absent, no folder note counts as a nested waypoint, so only "stop at folder notes" stops.
	 */
	readonly holdsWaypoint?: (notePath: string) => boolean;
	/**
	 * The vault's shared names, for links in Waypoint's format that a bare name would not open
	 * (`[[a/Note]]`). Callers that refresh many notes build it once per burst or run and hand the
	 * same one to every refresh; when absent, each refresh builds its own (one pass over the vault).
	 */
	readonly names?: () => LinkNames;
}

export type RefreshOutcome =
	| { readonly status: "unchanged" }
	| { readonly status: "changed"; readonly text: string }
	| { readonly status: "error"; readonly message: string };

export type ErrorReason = "not-folder-note" | "root";

/** The comment line that replaces a flag which cannot become an index. */
export function errorLine(kind: IndexKind, reason: ErrorReason): string {
	const where = reason === "root" ? "in the root folder of your vault" : "in a note that's not the folder note";
	return `%% Error: Cannot create a ${kind} ${where}. For more information, check the instructions [here](${INSTRUCTIONS_URL}) %%`;
}

interface Edit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

const UNCHANGED: RefreshOutcome = { status: "unchanged" };

/** Lines between Begin and End: each tree line (or one empty line), then the blank line. */
function region(tree: readonly string[], prefix: string, eol: string): string {
	if (tree.length === 0) return `${prefix}${eol}${prefix}${eol}`;
	// One join over the tree (no per-line arrays): this runs over every line of large indexes.
	return `${prefix}${tree.join(`${eol}${prefix}`)}${eol}${prefix}${eol}`;
}

function isQuoted(s: string): boolean {
	return s.trimStart().startsWith(">");
}

/** Compute the note's new text (blocks regenerated, flags expanded or replaced by the error line). Pure and deterministic. */
export function refreshNoteText(notePath: string, text: string, ctx: RefreshContext): RefreshOutcome {
	const settings = ctx.settings;
	if (!mayContainIndex(text, settings)) return UNCHANGED;
	const scan = scanNote(text, settings);
	if (!scan.ok) return { status: "error", message: scan.message };
	if (scan.blocks.length === 0 && scan.flags.length === 0) return UNCHANGED;

	const node = ctx.snapshot.getNode(notePath);
	if (node === null || !isFile(node)) {
		return { status: "error", message: `"${notePath}" is not a note of this vault; the note was not changed.` };
	}
	const folder = folderOfFolderNote(node, ctx.snapshot, settings);
	let tree: string[] | null = null;
	const treeLines = (): string[] => {
		if (tree === null) {
			const options = indexOptions(ctx.snapshot.frontmatter(node.path), settings);
			tree = folder === null ? [] : renderIndexLines(node, folder, options, ctx);
		}
		return tree;
	};

	const edits: Edit[] = [];
	const lines = scan.lines;
	if (folder !== null) {
		for (const block of scan.blocks) {
			const begin = lines[block.beginLine];
			const end = lines[block.endLine];
			const prefix = isQuoted(text.slice(begin.start, begin.end)) ? ">" : "";
			const eol = begin.eol === "" ? "\n" : begin.eol;
			const start = begin.end + begin.eol.length;
			const next = region(treeLines(), prefix, eol);
			if (text.slice(start, end.start) !== next) edits.push({ start, end: end.start, text: next });
		}
	}
	for (const flag of scan.flags) {
		const line = lines[flag.line];
		if (folder === null) {
			const reason: ErrorReason =
				node.parent !== null && node.parent.isRoot() && settings.folderNoteStyle !== "outside" ? "root" : "not-folder-note";
			edits.push({ start: flag.start, end: flag.end, text: errorLine(flag.kind, reason) });
			continue;
		}
		edits.push(
			expandFlag(text, line, flag.start, flag.end, flag.kind, treeLines(), line.eol === "" ? firstLineEnding(text) : line.eol),
		);
	}
	return applyEdits(text, edits);
}

function expandFlag(text: string, line: Line, start: number, end: number, kind: IndexKind, tree: readonly string[], eol: string): Edit {
	const before = text.slice(line.start, start);
	const begin = beginMarker(kind);
	const close = endMarker(kind);
	if (!isQuoted(before)) {
		return { start, end, text: `${begin}${eol}${region(tree, "", eol)}${close}` };
	}
	const callout = `>[!${kind}]${eol}>${begin}${eol}${region(tree, ">", eol)}>${close}`;
	if (/^\s*>\s*$/.test(before)) return { start: line.start, end, text: callout };
	return { start, end, text: `${eol}${callout}` };
}

/**
 * A `holdsWaypoint` for RefreshContext built from a text reader (the CLI reads files; tests read
 * their in-memory notes). Each note is read and scanned at most once per returned function.
 */
export function holdsWaypointVia(readText: (notePath: string) => string | null, settings: IndexSettings): (notePath: string) => boolean {
	const memo = new Map<string, boolean>();
	return (notePath) => {
		let v = memo.get(notePath);
		if (v === undefined) {
			const text = readText(notePath);
			v = text !== null && indexKindsIn(text, settings).has("waypoint");
			memo.set(notePath, v);
		}
		return v;
	};
}
