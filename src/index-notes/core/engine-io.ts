/** The engine's port to the app (reads, atomic writes, error reports) and what a run reports. */

import type { RefreshContext } from "./index";
import type { IndexSettings } from "../../shared/core/settings";
import type { Slicer } from "../../shared/core/slicer";
import type { VaultSnapshot } from "../../shared/core/vault";

/**
 * What the engine needs from the app. The Obsidian adapter (`index-service.ts`) backs it with
 * `Vault.cachedRead` / `Vault.process`; benchmarks and tests back it with an in-memory vault.
 */
export interface IndexIO {
	/** A live picture of the vault (reads the vault when asked). */
	readonly snapshot: VaultSnapshot;
	settings(): IndexSettings;
	/** Link text in Obsidian's own format, for the "follow Obsidian's link setting" format. */
	readonly linkText?: RefreshContext["linkText"];
	/**
	 * Text of a note the plugin may edit, or null when there is no such file, it is not markdown
	 * (a `.canvas`, say) or it lies in the templates folder.
	 */
	read(path: string): Promise<string | null>;
	/** Atomic edit: `edit` receives the note's current text and returns the new text. */
	process(path: string, edit: (current: string) => string): Promise<void>;
	/** Tell the user a note's index could not be refreshed (nothing was written). */
	reportError(path: string, message: string): void;
	/**
	 * A fresh slicer for one run (a burst or a full refresh): the run pauses between notes when
	 * it says so, so the app never freezes. None: the run never pauses.
	 */
	slicer?(): Slicer;
}

/** What one burst (or a full refresh) did. */
export interface RefreshReport {
	/** Index notes considered (after de-duplication). */
	readonly candidates: number;
	/** Notes whose text was read. */
	readonly read: number;
	/** Notes holding a block or flag. */
	readonly indexes: number;
	/** Notes written, in order (each at most once). */
	readonly written: readonly string[];
	/** Notes left untouched because of an error (reported to the user). */
	readonly errors: readonly string[];
}

export interface MutableReport {
	candidates: number;
	read: number;
	indexes: number;
	written: string[];
	errors: string[];
}

export function emptyReport(): MutableReport {
	return { candidates: 0, read: 0, indexes: 0, written: [], errors: [] };
}
