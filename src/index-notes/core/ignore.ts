/**
 * The ignore list: paths matching an entry are left out of every index.
 *
 * Entries are unanchored regular expressions tested against the vault path (Waypoint's rule),
 * so `_attachments` hides `Projects/_attachments/` and everything below it. An entry that is not
 * a valid regular expression, or that could take exponential time (a repeated group that itself
 * repeats, like `(a+)+b`), is matched as a literal substring instead: never a throw, never a hang.
 * (Loading settings already leaves such entries out and says so.) Blank
 * entries are skipped (an empty pattern would hide everything). With `ignoreSyncConflicts`,
 * sync-conflict copies are also left out: names containing `sync-conflict` (Syncthing) or
 * `(conflicted copy` (Dropbox), case-insensitively.
 */
import { ignorePatternProblem } from "../../shared/core/patterns";
import type { IndexSettings } from "../../shared/core/settings";

export type IgnoreTest = (path: string, name: string) => boolean;

const SYNC_CONFLICT = /sync-conflict|\(conflicted copy/i;

const cache = new WeakMap<IndexSettings, IgnoreTest>();

export function ignoreTestFor(settings: IndexSettings): IgnoreTest {
	const cached = cache.get(settings);
	if (cached !== undefined) return cached;
	const regexes: RegExp[] = [];
	const literals: string[] = [];
	for (const entry of settings.ignorePaths) {
		if (entry.trim() === "") continue;
		if (ignorePatternProblem(entry) === null) regexes.push(new RegExp(entry));
		else literals.push(entry);
	}
	const conflicts = settings.ignoreSyncConflicts;
	const test: IgnoreTest =
		regexes.length === 0 && literals.length === 0 && !conflicts
			? () => false
			: (path, name) =>
					(conflicts && SYNC_CONFLICT.test(name)) || regexes.some((r) => r.test(path)) || literals.some((l) => path.includes(l));
	cache.set(settings, test);
	return test;
}
