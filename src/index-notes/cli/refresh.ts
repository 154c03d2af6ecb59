/**
 * `refresh` and `check`: the plugin's "refresh all index notes" over a vault on disk. Every
 * folder note holding a block or flag is refreshed with the same core function the plugin uses;
 * a note is written (atomically) only when its text changes.
 */
import {
	allFolderNotes,
	BEGIN_LANDMARK,
	BEGIN_WAYPOINT,
	holdsWaypointVia,
	indexOptions,
	mayContainIndex,
	OPTION_DEPTH,
	OPTION_DIRECTION,
	OPTION_GROUP,
	OPTION_SORT,
	refreshNoteText,
	type RefreshContext,
} from "../core/index";
import type { IndexSettings } from "../../shared/core/settings";
import { createLinkGenerator } from "../../shared/core/link-text";
import { buildLinkNames, type LinkNames } from "../../shared/core/link-names";
import { isMarkdown, type VFile } from "../../shared/core/vault";
import type { VaultConfig } from "../../cli/config";
import { DiskFile, type DiskVault } from "../../cli/disk-vault";
import { errorMessage } from "../../shared/core/errors";
import type { ProgressSink } from "../../cli/progress";
import { writeNoteAtomic } from "../../cli/write";

export interface NoteProblem {
	readonly path: string;
	readonly message: string;
}

export interface RefreshOutcome {
	/** Folder notes examined. */
	readonly candidates: number;
	/** Notes holding an index block or flag. */
	readonly indexes: number;
	/** Notes whose index was out of date (written by `refresh`, listed by `check`), by path. */
	readonly stale: readonly string[];
	/** Notes left untouched because of a problem. */
	readonly problems: readonly NoteProblem[];
	/**
	 * Every markdown note that may hold one of the texts looked for (`alsoLookFor` or an index's):
	 * the folder notes (read whole anyway) and the other notes whose bytes hold one.
	 */
	readonly mayHold: readonly VFile[];
}

export interface RefreshOptions {
	/** Write changed notes (refresh) or only report them (check). */
	readonly write: boolean;
	/** Flush each written note to the disk before its rename (default true). */
	readonly fsync?: boolean;
	/** Told of each folder note read and each index refreshed, for progress output. */
	readonly progress?: ProgressSink;
	/**
	 * More texts the one look at every note should find (other features' markers), so that a run
	 * reads each note once; the notes holding any of them are in `RefreshOutcome.mayHold`.
	 */
	readonly alsoLookFor?: readonly Buffer[];
}

function inFolder(path: string, folder: string): boolean {
	return folder !== "" && (path === folder || path.startsWith(folder + "/"));
}

/** The folder notes of a vault, in path order (what the plugin's refresh-all visits). */
export function folderNotes(vault: DiskVault, config: VaultConfig): VFile[] {
	return allFolderNotes(vault, config.settings.index);
}

/**
 * The context the core needs: links in the vault's own link format, and nested waypoints known
 * from the folder notes' texts (`texts` holds those already read; others are read on demand).
 */
export function refreshContext(vault: DiskVault, config: VaultConfig, texts: ReadonlyMap<string, string> = new Map()): RefreshContext {
	const generate = createLinkGenerator(vault, config.link);
	const readText = (p: string): string | null => {
		const known = texts.get(p);
		if (known !== undefined) return known;
		const read = vault.readText(p);
		return read.ok ? read.text : null;
	};
	let names: LinkNames | null = null;
	return {
		snapshot: vault,
		settings: config.settings.index,
		linkText: (file, sourcePath, alias) => generate(file, sourcePath, undefined, alias),
		holdsWaypoint: holdsWaypointVia(readText, config.settings.index),
		// One pass over the vault per run, and only when a link in Waypoint's format is written.
		names: () => (names ??= buildLinkNames(vault.root)),
	};
}

/**
 * The frontmatter keys an index refresh reads: each index note's own options, the title property
 * (when titles are on), the order property (when some index sorts by it) and every index's group
 * property. `indexes` are the index notes' paths; their options are read here.
 */
export function frontmatterKeysRead(vault: DiskVault, settings: IndexSettings, indexes: readonly string[]): Set<string> {
	const keys = new Set([OPTION_SORT, OPTION_DIRECTION, OPTION_DEPTH, OPTION_GROUP]);
	if (settings.useTitleProperty) keys.add(settings.titleProperty);
	if (settings.sortBy === "order") keys.add(settings.orderProperty);
	vault.limitFrontmatterKeys(keys);
	for (const path of indexes) {
		const own = indexOptions(vault.frontmatter(path), settings);
		if (own.sortBy === "order") keys.add(settings.orderProperty);
		if (own.groupBy !== null) keys.add(own.groupBy);
	}
	return keys;
}

/**
 * Notes other than folder notes that may hold a flag: the plugin replaces such a flag with an
 * error comment, and so does `refresh` (`check` lists the note). Every other markdown note is
 * given one quick byte test, started here and read (on worker threads for a large vault) while
 * the folder notes are refreshed; `finish` reads the few notes that pass it and keeps their text.
 * With titles on, every note's frontmatter is needed too: the same reads take it, and `settle`
 * (called before the indexes are built) waits for them.
 */
function startMisplacedFlagScan(
	vault: DiskVault,
	config: VaultConfig,
	folderNotes: readonly VFile[],
	alsoLookFor: readonly Buffer[],
): {
	settle(progress: ProgressSink | undefined): void;
	finish(texts: Map<string, string>, progress: ProgressSink | undefined): VFile[];
	/** After `finish`: the notes whose bytes hold any needle. */
	found(): VFile[];
} {
	const settings = config.settings.index;
	// A folder note's own file seen again through a symbolic link is that folder note, not another note.
	const known = new Set<string>();
	for (const note of folderNotes) known.add(note instanceof DiskFile ? note.realPath : note.path);
	const others = vault
		.allFiles()
		.filter(
			(file) =>
				isMarkdown(file) && !known.has(file.realPath) && !known.has(file.path) && !inFolder(file.path, config.coreTemplatesFolder),
		);
	// The texts that make `mayContainIndex` true, as bytes: most notes are never decoded.
	const needles = [
		...[BEGIN_WAYPOINT, BEGIN_LANDMARK, settings.waypointFlag, settings.landmarkFlag].map((text) => Buffer.from(text, "utf8")),
		...alsoLookFor,
	];
	const scan = vault.startContainsScan(others, needles, { heads: settings.useTitleProperty });
	let hits: boolean[] | null = null;
	const settle = (progress: ProgressSink | undefined): boolean[] =>
		(hits ??= scan.finish((done, total) => progress?.step("notes", done, total)));
	return {
		settle(progress) {
			if (settings.useTitleProperty) settle(progress);
		},
		finish(texts, progress) {
			const found = settle(progress);
			const out: VFile[] = [];
			others.forEach((note, i) => {
				if (!found[i]) return;
				const read = vault.readText(note.path);
				// A note that cannot be read as text cannot be edited either; it is left as it is.
				if (!read.ok || !mayContainIndex(read.text, settings)) return;
				texts.set(note.path, read.text);
				out.push(note);
			});
			return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		},
		found() {
			const hit = hits ?? [];
			return others.filter((_, i) => hit[i] === true);
		},
	};
}

export function refreshVault(vault: DiskVault, config: VaultConfig, options: RefreshOptions): RefreshOutcome {
	try {
		return refreshNotes(vault, config, options);
	} finally {
		vault.limitFrontmatterKeys(null);
	}
}

function refreshNotes(vault: DiskVault, config: VaultConfig, options: RefreshOptions): RefreshOutcome {
	const settings = config.settings.index;
	const notes = folderNotes(vault, config);
	const misplacedScan = startMisplacedFlagScan(vault, config, notes, options.alsoLookFor ?? []);
	const stale: string[] = [];
	const problems: NoteProblem[] = [];
	// Read every folder note once: the index notes are refreshed from these texts, and nested
	// waypoints (where a parent's tree stops) are recognised from them.
	const texts = new Map<string, string>();
	const work: VFile[] = [];
	let done = 0;
	for (const note of notes) {
		done++;
		options.progress?.step("folder notes", done, notes.length);
		if (!isMarkdown(note)) continue;
		const read = vault.readText(note.path);
		if (!read.ok) {
			problems.push({ path: note.path, message: read.message });
			continue;
		}
		if (!mayContainIndex(read.text, settings)) {
			texts.set(note.path, ""); // holds no block or flag: no need to read it again
			continue;
		}
		texts.set(note.path, read.text);
		if (!inFolder(note.path, config.coreTemplatesFolder)) work.push(note);
	}
	// Titles on: every note's frontmatter, read by the scan's threads, before the indexes need it.
	misplacedScan.settle(options.progress);
	// Parse only frontmatter that can change an index (most notes' YAML is then never parsed).
	vault.limitFrontmatterKeys(
		frontmatterKeysRead(
			vault,
			settings,
			work.map((note) => note.path),
		),
	);
	const context = refreshContext(vault, config, texts);
	let indexes = 0;
	const visit = (note: VFile, step: number, steps: number): void => {
		options.progress?.step("index notes", step, steps);
		const text = texts.get(note.path) as string;
		indexes++;
		const outcome = refreshNoteText(note.path, text, context);
		if (outcome.status === "unchanged") return;
		if (outcome.status === "error") {
			problems.push({ path: note.path, message: outcome.message });
			return;
		}
		if (options.write) {
			if (!(note instanceof DiskFile)) return;
			try {
				writeNoteAtomic({ realPath: note.realPath, vaultReal: vault.rootReal, expected: text, fsync: options.fsync }, outcome.text);
			} catch (e) {
				problems.push({ path: note.path, message: `not written: ${errorMessage(e)}` });
				return;
			}
		}
		stale.push(note.path);
	};
	// Folder notes first (while the other notes are scanned), then notes with a misplaced flag.
	work.forEach((note, i) => visit(note, i + 1, work.length));
	const misplaced = misplacedScan.finish(texts, options.progress);
	misplaced.forEach((note, i) => visit(note, i + 1, misplaced.length));
	return { candidates: notes.length, indexes, stale, problems, mayHold: [...notes.filter(isMarkdown), ...misplacedScan.found()] };
}
