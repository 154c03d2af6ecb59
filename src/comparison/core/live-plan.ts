/**
 * Live updates of the comparison pane, decided without touching the vault: given what the pane
 * shows and one debounced batch of vault changes, which rows to drop, which notes to read again,
 * or whether to read everything from scratch.
 */

/** What happened in the vault during one quiet period, by path. */
export interface VaultChangeBatch {
	/** Notes created or whose metadata changed (current paths). */
	readonly changed: ReadonlySet<string>;
	/** Notes deleted (paths they had). */
	readonly removed: ReadonlySet<string>;
	/** Renames in order: `[oldPath, newPath]`, files and folders. */
	readonly renamed: readonly (readonly [string, string])[];
}

/** What the pane shows when the batch arrives. */
export interface LiveFacts {
	/** Folder the pane is limited to, or null for the whole vault. */
	readonly scope: string | null;
	/** Checked notes. */
	readonly selected: readonly string[];
	/** Paths of the notes in the model, in model order. */
	readonly rows: readonly string[];
	/**
	 * The notes a renamed path now stands for: itself for a note, the candidate notes inside it
	 * for a folder, none when it no longer exists.
	 */
	readonly notesAt: (path: string) => readonly string[];
}

/** Fewer notes touched than this are always applied one by one. */
export const LIVE_REBUILD_MIN = 200;

export type LivePlan =
	/** Read every note in scope again (the scope moved, or too many notes changed). */
	| {
			readonly kind: "rebuild";
			readonly scope: string | null;
			readonly selected: readonly string[];
			readonly scopeChanged: boolean;
			/** Rows renamed and removed, for bookkeeping kept per path (YAML errors). */
			readonly moved: readonly (readonly [string, string])[];
			readonly removed: readonly string[];
	  }
	/** Drop `dropped` rows and read `touched` notes again (each may join, stay or leave). */
	| {
			readonly kind: "update";
			readonly selected: readonly string[];
			readonly dropped: readonly string[];
			readonly touched: readonly string[];
			readonly moved: readonly (readonly [string, string])[];
			readonly removed: readonly string[];
	  };

/** `path` after `oldPath` became `newPath` (a note or a folder above it), or null if unaffected. */
export function movedPath(path: string, oldPath: string, newPath: string): string | null {
	if (path === oldPath) return newPath;
	return path.startsWith(`${oldPath}/`) ? newPath + path.slice(oldPath.length) : null;
}

function isUnder(path: string, folder: string): boolean {
	return path === folder || path.startsWith(`${folder}/`);
}

/** Decide how one batch of vault changes reaches the pane. */
export function planLiveUpdate(facts: LiveFacts, batch: VaultChangeBatch): LivePlan {
	let scope = facts.scope;
	let selected = [...facts.selected];
	const dropped: string[] = [];
	const touched = new Set<string>(batch.changed);
	const moved: [string, string][] = [];

	for (const [oldPath, newPath] of batch.renamed) {
		if (scope !== null) scope = movedPath(scope, oldPath, newPath) ?? scope;
		for (const path of facts.rows) {
			const to = movedPath(path, oldPath, newPath);
			if (to === null) continue;
			dropped.push(path);
			touched.add(to);
			moved.push([path, to]);
		}
		selected = selected.map((p) => movedPath(p, oldPath, newPath) ?? p);
		for (const path of facts.notesAt(newPath)) touched.add(path);
	}
	const removed = [...batch.removed];
	for (const path of removed) {
		for (const row of facts.rows) if (isUnder(row, path)) dropped.push(row);
		selected = selected.filter((p) => !isUnder(p, path));
	}

	const scopeChanged = scope !== facts.scope;
	// A burst touching a large share of the notes (first indexing, a sync, a bulk edit) is
	// cheaper to read again from scratch than to apply note by note.
	const tooMany = touched.size + batch.removed.size > Math.max(LIVE_REBUILD_MIN, facts.rows.length / 4);
	if (scopeChanged || tooMany) return { kind: "rebuild", scope, selected, scopeChanged, moved, removed };
	return { kind: "update", selected, dropped, touched: [...touched], moved, removed };
}

/** One note read again after a live change. */
export interface TouchedNote {
	readonly path: string;
	/** The note exists and belongs in the comparison (the folder test aside). */
	readonly wanted: (folderHasNotes: (folder: string) => boolean) => boolean;
	/** Its properties could be read (no YAML error). */
	readonly valid: boolean;
}

function folderOf(path: string): string {
	return path.slice(0, Math.max(0, path.lastIndexOf("/")));
}

/**
 * Which notes read again stay in (or join) the pane, and which rows leave it. A note that
 * needs company in its folder counts the valid rows already shown and the notes kept before it.
 * `rows` (the pane's rows) is asked for only when a note needs company or leaves, so one changed
 * note in a large pane does not walk every row.
 */
export function sortTouched(
	rows: () => readonly { readonly path: string; readonly valid: boolean }[],
	notes: readonly TouchedNote[],
): { keep: string[]; drop: string[] } {
	/** Folders of the notes kept so far, until the rows' folders are needed. */
	const keptFolders: string[] = [];
	const known: { folders: Set<string> | null } = { folders: null };
	const folderHasNotes = (folder: string): boolean => {
		if (known.folders === null) {
			known.folders = new Set(keptFolders);
			for (const row of rows()) if (row.valid) known.folders.add(folderOf(row.path));
		}
		return known.folders.has(folder);
	};
	let inModel: Set<string> | null = null;
	const keep: string[] = [];
	const drop: string[] = [];
	for (const note of notes) {
		if (note.wanted(folderHasNotes)) {
			keep.push(note.path);
			if (note.valid) {
				if (known.folders === null) keptFolders.push(folderOf(note.path));
				else known.folders.add(folderOf(note.path));
			}
		} else if ((inModel ??= new Set(rows().map((r) => r.path))).has(note.path)) {
			drop.push(note.path);
		}
	}
	return { keep, drop };
}
