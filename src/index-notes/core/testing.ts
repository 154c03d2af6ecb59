/**
 * Test and benchmark helpers for the index core (not used by the plugin at run time).
 */
import { buildLinkNames, type LinkNames } from "../../shared/core/link-names";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../../shared/core/settings";
import type { TestSnapshot } from "../../shared/core/testing/snapshot";
import { holdsWaypointVia, refreshNoteText, type RefreshContext, type RefreshOutcome } from "./refresh";

/**
 * A RefreshContext over an in-memory snapshot; nested waypoints are read from the notes' texts.
 * The vault's shared names are computed once per context (the snapshot does not change), as the
 * engine and the CLI do once per burst or run.
 */
export function refreshContextFor(
	vault: TestSnapshot,
	settings: Partial<IndexSettings> = {},
	extra: Partial<RefreshContext> = {},
): RefreshContext {
	const full: IndexSettings = { ...DEFAULT_INDEX_SETTINGS, ...settings };
	let names: LinkNames | null = null;
	return {
		snapshot: vault,
		settings: full,
		holdsWaypoint: holdsWaypointVia((p) => vault.text(p), full),
		names: () => (names ??= buildLinkNames(vault.root)),
		...extra,
	};
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
