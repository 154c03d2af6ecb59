/**
 * Which note is a folder's note, under the three folder-note styles:
 * - inside (default): `A/A.md` is the note of `A/`;
 * - outside: `X/A.md`, beside `X/A/`, is the note of `X/A/`;
 * - fixed name: `A/<folderNoteName>.md` (for example `A/index.md`), at every depth.
 * The vault root never has a folder note (a flag there gets the "root folder" error line).
 * Only `.md` files (lower-case extension, matched exactly like the path lookup) are folder notes.
 */
import type { IndexSettings } from "../../shared/core/settings";
import type { Slicer } from "../../shared/core/slicer";
import { isFile, isFolder, walkSliced, type VFile, type VFolder, type VaultSnapshot } from "../../shared/core/vault";

/** The fixed folder-note name without a trailing `.md`. */
export function fixedName(settings: IndexSettings): string {
	const name = settings.folderNoteName.trim();
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

function join(parent: string, name: string): string {
	return parent === "" || parent === "/" ? name : `${parent}/${name}`;
}

function parentOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i < 0 ? "" : path.slice(0, i);
}

function lastSegment(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

/** Vault path the folder note of the folder at `folderPath` would have, or null (root). */
export function folderNotePathFor(folderPath: string, settings: IndexSettings): string | null {
	const path = trimSlashes(folderPath);
	if (path === "") return null;
	const name = lastSegment(path);
	switch (settings.folderNoteStyle) {
		case "inside":
			return `${path}/${name}.md`;
		case "outside":
			return join(parentOf(path), `${name}.md`);
		case "fixed": {
			const fixed = fixedName(settings);
			return fixed === "" ? null : `${path}/${fixed}.md`;
		}
	}
}

export function trimSlashes(path: string): string {
	let start = 0;
	let end = path.length;
	while (start < end && path[start] === "/") start++;
	while (end > start && path[end - 1] === "/") end--;
	return path.slice(start, end);
}

/** The folder note of `folder` under the settings' folder-note style, or null. */
export function folderNoteOf(folder: VFolder, snapshot: VaultSnapshot, settings: IndexSettings): VFile | null {
	if (folder.isRoot()) return null;
	const path = folderNotePathFor(folder.path, settings);
	if (path === null) return null;
	const node = snapshot.getNode(path);
	return node !== null && isFile(node) ? node : null;
}

/** The folder that `note` is the folder note of, or null. */
export function folderOfFolderNote(note: VFile, snapshot: VaultSnapshot, settings: IndexSettings): VFolder | null {
	const parent = note.parent;
	if (parent === null || note.extension !== "md") return null;
	switch (settings.folderNoteStyle) {
		case "inside":
			return !parent.isRoot() && note.name === `${parent.name}.md` ? parent : null;
		case "fixed": {
			const fixed = fixedName(settings);
			return fixed !== "" && !parent.isRoot() && note.name === `${fixed}.md` ? parent : null;
		}
		case "outside": {
			const node = snapshot.getNode(join(parent.isRoot() ? "" : parent.path, note.basename));
			return node !== null && isFolder(node) ? node : null;
		}
	}
}

/**
 * True when `file` (a child of `folder`) is a folder note that the listing of `folder` shows
 * through a folder bullet instead of as a file: the note of `folder` itself (inside / fixed),
 * or the note of a sibling subfolder (outside).
 */
export function isFolderNoteIn(file: VFile, folder: VFolder, siblingFolders: ReadonlySet<string>, settings: IndexSettings): boolean {
	if (file.extension !== "md") return false;
	switch (settings.folderNoteStyle) {
		case "inside":
			return !folder.isRoot() && file.name === `${folder.name}.md`;
		case "fixed": {
			const fixed = fixedName(settings);
			return fixed !== "" && !folder.isRoot() && file.name === `${fixed}.md`;
		}
		case "outside":
			return siblingFolders.has(file.basename);
	}
}

/** Collects folder notes, each once, from the folders it is shown; `finish` sorts them by path. */
function folderNoteCollector(snapshot: VaultSnapshot, settings: IndexSettings): { add(folder: VFolder): void; finish(): VFile[] } {
	const seen = new Set<string>();
	const notes: VFile[] = [];
	return {
		add(folder) {
			if (folder.isRoot()) return;
			const note = folderNoteOf(folder, snapshot, settings);
			if (note && !seen.has(note.path)) {
				seen.add(note.path);
				notes.push(note);
			}
		},
		finish: () => notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
	};
}

/**
 * Every folder note of the vault (each once), sorted by path: what "refresh all index notes"
 * visits. Only folder notes can hold an index, so the walk touches folders, not notes.
 */
export function allFolderNotes(snapshot: VaultSnapshot, settings: IndexSettings): VFile[] {
	const collector = folderNoteCollector(snapshot, settings);
	const stack: VFolder[] = [snapshot.root];
	while (stack.length > 0) {
		const folder = stack.pop() as VFolder;
		collector.add(folder);
		for (const child of folder.children) if (isFolder(child)) stack.push(child);
	}
	return collector.finish();
}

/** `allFolderNotes` in slices (see `walkSliced`). */
export async function allFolderNotesSliced(snapshot: VaultSnapshot, settings: IndexSettings, slicer: Slicer): Promise<VFile[]> {
	const collector = folderNoteCollector(snapshot, settings);
	await walkSliced(snapshot.root, slicer, { folder: (folder) => collector.add(folder) });
	return collector.finish();
}
