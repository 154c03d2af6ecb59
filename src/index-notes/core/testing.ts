/**
 * Test and benchmark helpers for the index core (not used by the plugin at run time).
 */
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../shared/core/settings";
import type { TestSnapshot } from "../../shared/core/testing/snapshot";
import { holdsWaypointVia, refreshNoteText, type RefreshContext, type RefreshOutcome } from "./refresh";

/** A RefreshContext over an in-memory snapshot; nested waypoints are read from the notes' texts. */
export function refreshContextFor(
	vault: TestSnapshot,
	settings: Partial<IndexSettings> = {},
	extra: Partial<RefreshContext> = {},
): RefreshContext {
	const full: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, ...settings };
	return { snapshot: vault, settings: full, holdsWaypoint: holdsWaypointVia((p) => vault.text(p), full), ...extra };
}

/** Refresh the note at `path` using its own text from the snapshot. */
export function refreshInVault(
	vault: TestSnapshot,
	path: string,
	settings: Partial<IndexSettings> = {},
	extra: Partial<RefreshContext> = {},
): RefreshOutcome {
	const text = vault.text(path);
	if (text === null) throw new Error(`no text for ${path}`);
	return refreshNoteText(path, text, refreshContextFor(vault, settings, extra));
}

/** The new text, or the old one when unchanged; throws on an error outcome. */
export function refreshedText(
	vault: TestSnapshot,
	path: string,
	settings: Partial<IndexSettings> = {},
	extra: Partial<RefreshContext> = {},
): string {
	const out = refreshInVault(vault, path, settings, extra);
	if (out.status === "error") throw new Error(out.message);
	return out.status === "changed" ? out.text : vault.text(path)!;
}
