/**
 * The settings' selector (property + value, or tag) matched against one note's frontmatter, and
 * the model's input for chosen notes. Which notes are compared is decided in `selection.ts`.
 */

import type { VFile, VaultSnapshot } from "../../shared/core/vault";

export { frontmatterTags, normalizeFolder, propertyMatches, tagMatches } from "../../shared/core/selection";
import type { NoteInput } from "./types";

/** The model's input for files of a snapshot; `withMtime: false` leaves out the modification time (no stat per note). */
export function noteInputs(snapshot: VaultSnapshot, files: readonly VFile[], withMtime = true): NoteInput[] {
	return files.map((f) => ({
		path: f.path,
		basename: f.basename,
		frontmatter: snapshot.frontmatter(f.path),
		frontmatterError: snapshot.frontmatterError(f.path),
		...(withMtime ? { mtime: f.stat.mtime } : {}),
	}));
}
