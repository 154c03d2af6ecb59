/**
 * Index core (pure; no `obsidian` import). Public entry point of `src/index-notes/core/`.
 *
 * README
 * ======
 * What it does: keeps Waypoint-compatible index blocks (`%% Begin Waypoint %%` … `%% End
 * Waypoint %%`, and the same for Landmark) current. The contract is
 * `docs/index-format.md`; with unique plain names and default settings the output is
 * byte-identical to Waypoint 3.0.1.
 *
 * Files:
 * - markers.ts       finding blocks and flags (code fences, inline code, frontmatter ignored)
 * - refresh.ts       splicing a note's text (`refreshNoteText`), error lines, byte rules
 * - tree.ts          which entries an index lists and the text of each line
 * - links.ts         link formats and link safety (why some entries become markdown links)
 * - order.ts         collator (pinned locale, cached per locale) and sort orders
 * - ignore.ts        ignore list (unanchored regexes, literal fallback, sync conflicts)
 * - options.ts       per-index options from the folder note's own frontmatter:
 *                    `index-sort`, `index-direction`, `index-depth`, `index-group`
 * - folder-notes.ts  inside / outside / fixed-name folder notes
 *
 * Typical adapter use:
 * ```ts
 * if (!mayContainIndex(text, settings)) return;            // most notes: nothing to do
 * const out = refreshNoteText(file.path, text, { snapshot, settings, linkText, holdsWaypoint });
 * if (out.status === "changed") await app.vault.process(file, (cur) =>   // recompute on `cur`
 *   (refreshNoteText(file.path, cur, ctx) as …).text ?? cur);
 * if (out.status === "error") new Notice(`${file.path}: ${out.message}`);
 * ```
 * After a change at some path, `candidateIndexNotes(path, snapshot, settings, holdsWaypoint)`
 * lists the index notes that may need a refresh (nearest first); for a frontmatter-only change,
 * `frontmatterCandidates(...)` narrows that down to indexes that read frontmatter.
 *
 * Decisions (see the files for details):
 * - Text sharing a flag's line is kept: only the flag text is replaced (refresh.ts).
 * - Blocks in a note that is not a folder note are left alone; flags there become the error line.
 * - Unsafe names/titles become `[escaped](percent-encoded/vault/path.md)` links (links.ts).
 * - Grouping puts entries without a value last under `- **(no <property>)**` (options.ts).
 * - Nested waypoints are known through `RefreshContext.holdsWaypoint` (the snapshot has no text).
 * - Shared names (`a/Note.md`, `b/note.md`) are linked by their shortest unique path; the vault's
 *   names come from `RefreshContext.names`, built once per burst or run by the caller.
 */
import type { IndexSettings } from "../../shared/core/settings";
import { isFile, isFolder, parentPath, type VaultSnapshot } from "../../shared/core/vault";
import { folderNotePathFor, folderOfFolderNote, trimSlashes } from "./folder-notes";
import { indexOptions, optionsUseFrontmatter } from "./options";

export type { IndexKind } from "./markers";
export {
	BEGIN_LANDMARK,
	BEGIN_WAYPOINT,
	END_LANDMARK,
	END_WAYPOINT,
	beginMarker,
	endMarker,
	indexKindsIn,
	mayContainIndex,
	scanNote,
} from "./markers";
export type { FoundBlock, FoundFlag, ScanResult } from "./markers";
export { INSTRUCTIONS_URL, errorLine, holdsWaypointVia, refreshNoteText } from "./refresh";
export type { ErrorReason, RefreshContext, RefreshOutcome } from "./refresh";
export { allFolderNotes, allFolderNotesSliced, folderNoteOf, folderNotePathFor, folderOfFolderNote } from "./folder-notes";
export { OPTION_DEPTH, OPTION_DIRECTION, OPTION_GROUP, OPTION_SORT, indexOptions, optionsUseFrontmatter } from "./options";
export type { IndexOptions } from "./options";
export { renderIndexLines } from "./tree";
export type { LinkTextFn, TreeContext } from "./tree";
export { collatorFor } from "./order";
export { ignoreTestFor } from "./ignore";

function existingFile(path: string | null, snapshot: VaultSnapshot): string | null {
	if (path === null) return null;
	const node = snapshot.getNode(path);
	return node !== null && isFile(node) ? node.path : null;
}

/**
 * Vault paths of the notes whose index may change when something at `changedPath` (file or
 * folder, existing or just deleted) changes: the changed note itself when it is a folder note,
 * the changed folder's own folder note when it is a folder, then the folder notes of its
 * ancestor folders, nearest first. Cost: proportional to depth.
 *
 * With `holdsWaypoint` (the same function as in RefreshContext), the walk stops above the first
 * ancestor whose folder note is a nested waypoint (or any folder note, with "stop at folder
 * notes"): indexes above it only show that folder's bold link, which this change cannot alter
 * unless it is that folder note itself. For a rename or move, call it for the old and the new path.
 */
export function candidateIndexNotes(
	changedPath: string,
	snapshot: VaultSnapshot,
	settings: IndexSettings,
	holdsWaypoint?: (notePath: string) => boolean,
): string[] {
	const path = trimSlashes(changedPath);
	const out: string[] = [];
	const add = (p: string | null): void => {
		if (p !== null && !out.includes(p)) out.push(p);
	};
	if (path === "") return out;
	const node = snapshot.getNode(path);
	if (node !== null && isFile(node)) {
		if (folderOfFolderNote(node, snapshot, settings) !== null) add(node.path);
	} else if (node === null || isFolder(node)) {
		// A folder (or a deleted path that may have been one): its own folder note.
		add(existingFile(folderNotePathFor(path, settings), snapshot));
	}
	let folder = parentPath(path);
	while (folder !== "") {
		const note = existingFile(folderNotePathFor(folder, settings), snapshot);
		add(note);
		if (note !== null && note !== path && (settings.stopScanAtFolderNotes || (holdsWaypoint?.(note) ?? false))) {
			// Indexes above show this folder as a bold link only: the change is invisible to them.
			break;
		}
		folder = parentPath(folder);
	}
	return out;
}

/** True when the index output can depend on frontmatter under these settings (titles, order sort, grouping). */
export function usesFrontmatter(settings: IndexSettings): boolean {
	return settings.useTitleProperty || settings.sortBy === "order";
}

/**
 * Index notes that may change when only the frontmatter of the note at `changedPath` changed:
 * the note itself when it is a folder note (its per-index options), and the candidates above
 * whose output reads frontmatter (settings, or that index's own `index-sort: order` /
 * `index-group`). Per-index options make an index depend on frontmatter even when
 * `usesFrontmatter(settings)` is false, which is why this exists.
 */
export function frontmatterCandidates(
	changedPath: string,
	snapshot: VaultSnapshot,
	settings: IndexSettings,
	holdsWaypoint?: (notePath: string) => boolean,
): string[] {
	const all = candidateIndexNotes(changedPath, snapshot, settings, holdsWaypoint);
	if (usesFrontmatter(settings)) return all;
	const self = trimSlashes(changedPath);
	return all.filter((p) => p === self || optionsUseFrontmatter(indexOptions(snapshot.frontmatter(p), settings)));
}
