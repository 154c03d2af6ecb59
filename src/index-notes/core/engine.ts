import { blockWriter, type BlockWriter, writeOutcome } from "../../shared/core/block-write";
import {
	allFolderNotesSliced,
	candidateIndexNotes,
	folderNoteOf,
	indexKindsIn,
	indexOptions,
	mayContainIndex,
	folderOfFolderNote,
	frontmatterCandidates,
	refreshNoteText,
	type RefreshContext,
} from "./index";
import { buildLinkNames, buildLinkNamesSliced, namesakeChanges, type LinkNames } from "../../shared/core/link-names";
import { breathe, NO_SLICING, type Slicer } from "../../shared/core/slicer";
import type { IndexSettings } from "../../shared/core/settings";
import { isFile, isFolder, notesInSliced, type Frontmatter, type VFolder } from "../../shared/core/vault";
import { WorkQueue } from "../../shared/core/work-queue";
import { emptyReport, type IndexIO, type MutableReport, type RefreshReport } from "./engine-io";
import { fingerprint, type IndexNeeds } from "./index-needs";
import { dropKeys, moveKeys } from "./path-maps";

export type { IndexIO, RefreshReport } from "./engine-io";

/**
 * Keeps index notes current. Vault events are recorded with `changed`, `edited`, `renamed`,
 * `deleted`, `frontmatterChanged`; `flush()` then refreshes every affected index once, writing
 * only notes whose text changes. Work never overlaps: each run waits for the one before.
 */
export class IndexEngine {
	/** Paths that appeared, disappeared or moved: the indexes above them may change. */
	private readonly changedPaths = new Set<string>();
	/** Notes whose title, order or grouping property changed. */
	private readonly frontmatterPaths = new Set<string>();
	/** Notes whose own text may have changed (a typed flag, an edited block, a new note). */
	private readonly touchedNotes = new Set<string>();
	/** Of those, notes whose only news is a `modify` event (possibly the echo of our own write). */
	private readonly editedOnly = new Set<string>();
	/** The text the engine last wrote to a note, until the `modify` echo of that write is seen. */
	private readonly ownWrites = new Map<string, string>();
	/** The note text an error was last reported for, so bursts do not repeat the Notice. */
	private readonly reported = new Map<string, string>();
	private dryRun = false; // while `checkAll` runs: nothing is written
	/** Last seen values of the properties indexes use (title, order, grouping), per note. */
	private readonly fingerprints = new Map<string, string>();
	/** Notes known to hold a waypoint (block or flag): trees stop at them. */
	private readonly waypoints = new Map<string, true>();
	/** Per index note: what its own frontmatter options make it depend on. */
	private readonly needs = new Map<string, IndexNeeds>();
	/** The vault's shared names, built when first needed and rebuilt after files appear, move or go. */
	private names: LinkNames | null = null;
	private namesStale = false;
	private keysCache: { settings: IndexSettings; keys: string[]; mtime: boolean } | null = null;
	/** Runs flushes and full refreshes one after another, never overlapping. */
	private readonly queue = new WorkQueue();

	constructor(private readonly io: IndexIO) {}

	/**
	 * A file or folder appeared at `path`. A new folder note is also read (it may hold a flag or
	 * a block, and whether it holds a waypoint decides where the trees above it stop); other new
	 * notes are not: a flag typed into them arrives as an edit.
	 */
	created(path: string, isNote: boolean): void {
		this.changedPaths.add(path);
		this.namesStale = true;
		if (!isNote) return;
		const node = this.io.snapshot.getNode(path);
		if (node && isFile(node) && folderOfFolderNote(node, this.io.snapshot, this.io.settings())) this.touch(path, false);
	}

	/** A note's text changed (Obsidian's `modify`). */
	edited(path: string): void {
		this.touch(path, true);
		// Sorting by modified time: the note moves in the index above it. Not for the echo of our
		// own write (an index note we just wrote), so that our writes never cause more writes.
		if (this.dependsOnMtime() && !this.ownWrites.has(path)) this.changedPaths.add(path);
	}

	/** Another file (an image, a canvas) changed: only an index sorted by modified time cares. */
	otherModified(path: string): boolean {
		if (!this.dependsOnMtime()) return false;
		this.changedPaths.add(path);
		return true;
	}

	/** A file or folder moved from `oldPath` to `newPath`. */
	renamed(newPath: string, oldPath: string): void {
		this.changedPaths.add(oldPath);
		this.changedPaths.add(newPath);
		this.namesStale = true;
		const node = this.io.snapshot.getNode(newPath);
		const folder = node !== null && isFolder(node);
		for (const map of [this.fingerprints, this.ownWrites, this.reported]) moveKeys(map, oldPath, newPath, folder);
		moveKeys(this.waypoints, oldPath, newPath, folder);
		const needsBefore = this.needs.size;
		moveKeys(this.needs, oldPath, newPath, folder);
		if (needsBefore > 0) this.keysCache = null;
		if (node && isFolder(node)) this.touchSubtree(node);
		// A note that moved into a folder-note place: learn whether it holds a waypoint.
		else if (node && isFile(node) && folderOfFolderNote(node, this.io.snapshot, this.io.settings())) this.touch(newPath, false);
	}

	/** A file or folder was deleted. */
	deleted(path: string, wasFolder: boolean): void {
		this.changedPaths.add(path);
		this.namesStale = true;
		for (const map of [this.fingerprints, this.ownWrites, this.reported]) dropKeys(map, path, wasFolder);
		dropKeys(this.waypoints, path, wasFolder);
		const needsBefore = this.needs.size;
		dropKeys(this.needs, path, wasFolder);
		if (this.needs.size !== needsBefore) this.keysCache = null;
	}

	/**
	 * A note's frontmatter was (re)read. Records a change only when a property indexes use
	 * (title, order, grouping) took a new value.
	 */
	frontmatterChanged(path: string, frontmatter: Frontmatter | null): void {
		const keys = this.propertyKeys();
		if (keys.length === 0) return;
		const print = fingerprint(frontmatter, keys);
		const previous = this.fingerprints.get(path) ?? "";
		if (print === previous) return;
		if (print === "") this.fingerprints.delete(path);
		else this.fingerprints.set(path, print);
		this.frontmatterPaths.add(path);
	}

	/** True when events are waiting for `flush()`. */
	hasPending(): boolean {
		return this.changedPaths.size + this.frontmatterPaths.size + this.touchedNotes.size > 0;
	}

	/** Whether the folder note at `path` holds a waypoint, as last read. */
	holdsWaypoint(path: string): boolean {
		return this.waypoints.has(path);
	}

	/** Apply every recorded event: each affected index is computed once and written at most once. */
	flush(): Promise<RefreshReport> {
		return this.queue.run(() => this.runFlush());
	}

	/**
	 * Refresh every folder note that holds a block or flag (start-up reconciliation, settings
	 * change, the "Refresh all index notes" command). `progress` is told how far it got. With
	 * `everyNote` (the command), every other note is read too, and a flag there gets the error
	 * comment, as when that note is edited.
	 */
	refreshAll(progress?: (done: number, total: number) => void, everyNote = false): Promise<RefreshReport> {
		return this.queue.run(() => this.runRefreshAll(progress, everyNote));
	}

	/** `refreshAll` without writing: `written` lists the notes that are out of date. */
	checkAll(everyNote = false): Promise<RefreshReport> {
		return this.queue.run(async () => {
			this.dryRun = true;
			try {
				return await this.runRefreshAll(undefined, everyNote);
			} finally {
				this.dryRun = false;
			}
		});
	}

	/** The context the core needs to refresh a note. */
	context(settings: IndexSettings = this.io.settings()): RefreshContext {
		return {
			snapshot: this.io.snapshot,
			settings,
			linkText: this.io.linkText,
			holdsWaypoint: (path) => this.waypoints.has(path),
			names: () => this.linkNames(),
		};
	}

	private linkNames(): LinkNames {
		if (this.names === null || this.namesStale) {
			this.names = buildLinkNames(this.io.snapshot.root);
			this.namesStale = false;
		}
		return this.names;
	}

	/** Build the shared names now, in slices, when they are missing or stale (before indexes render). */
	private async prepareNames(slicer: Slicer): Promise<LinkNames> {
		if (this.names === null || this.namesStale) {
			this.names = await buildLinkNamesSliced(this.io.snapshot.root, slicer);
			this.namesStale = false;
		}
		return this.names;
	}

	/**
	 * After files appeared, moved or went: the files whose shared name gained or lost a member
	 * (their links get longer or shorter in the indexes listing them). One pass over the vault,
	 * only when an index has been rendered with the previous names.
	 */
	private async namesakesChanged(slicer: Slicer): Promise<string[]> {
		const before = this.names;
		if (before === null || !this.namesStale) return [];
		return namesakeChanges(before, await this.prepareNames(slicer));
	}

	private touch(path: string, editOnly: boolean): void {
		if (!this.touchedNotes.has(path) && editOnly) this.editedOnly.add(path);
		if (!editOnly) this.editedOnly.delete(path);
		this.touchedNotes.add(path);
	}

	/** Frontmatter properties whose values indexes show or sort or group by. */
	private propertyKeys(): string[] {
		return this.derived().keys;
	}

	private dependsOnMtime(): boolean {
		return this.derived().mtime;
	}

	private derived(): { keys: string[]; mtime: boolean } {
		const settings = this.io.settings();
		if (this.keysCache && this.keysCache.settings === settings) return this.keysCache;
		const keys = new Set<string>();
		let order = settings.sortBy === "order";
		let mtime = settings.sortBy === "mtime";
		for (const need of this.needs.values()) {
			order ||= need.order;
			mtime ||= need.mtime;
			if (need.group !== null) keys.add(need.group);
		}
		if (settings.useTitleProperty) keys.add(settings.titleProperty);
		if (order) keys.add(settings.orderProperty);
		this.keysCache = { settings, keys: [...keys], mtime };
		return this.keysCache;
	}

	/** Record what an index note's own options depend on. */
	private noteNeeds(path: string, settings: IndexSettings): void {
		const options = indexOptions(this.io.snapshot.frontmatter(path), settings);
		const need: IndexNeeds = { order: options.sortBy === "order", mtime: options.sortBy === "mtime", group: options.groupBy };
		const before = this.needs.get(path);
		const plain = !need.order && !need.mtime && need.group === null;
		if (plain) {
			if (before !== undefined) {
				this.needs.delete(path);
				this.keysCache = null;
			}
			return;
		}
		if (before === undefined || before.order !== need.order || before.mtime !== need.mtime || before.group !== need.group) {
			this.needs.set(path, need);
			this.keysCache = null;
		}
	}

	/** Update the waypoint cache from a note's text; true when the note's status changed. */
	private noteWaypoint(path: string, text: string | null, settings: IndexSettings): boolean {
		const holds = text !== null && indexKindsIn(text, settings).has("waypoint");
		if (holds === this.waypoints.has(path)) return false;
		if (holds) this.waypoints.set(path, true);
		else this.waypoints.delete(path);
		return true;
	}

	private touchSubtree(folder: VFolder): void {
		const settings = this.io.settings();
		const stack: VFolder[] = [folder];
		while (stack.length > 0) {
			const current = stack.pop() as VFolder;
			const note = folderNoteOf(current, this.io.snapshot, settings);
			if (note) this.touch(note.path, false);
			for (const child of current.children) if (isFolder(child)) stack.push(child);
		}
	}

	private async runFlush(): Promise<RefreshReport> {
		const settings = this.io.settings();
		const report = emptyReport();
		const touched = [...this.touchedNotes];
		const editedOnly = new Set(this.editedOnly);
		this.touchedNotes.clear();
		this.editedOnly.clear();

		// 1. Notes whose own text may have changed: read them first, so that a note that became
		//    (or stopped being) a nested waypoint is known before the indexes above it render.
		const slicer = this.io.slicer?.() ?? NO_SLICING;
		const texts = new Map<string, string | null>();
		const targets = new Set<string>();
		for (const path of touched) {
			await breathe(slicer);
			const text = await this.io.read(path);
			if (text !== null) report.read++;
			texts.set(path, text);
			if (this.noteWaypoint(path, text, settings)) this.changedPaths.add(path);
			const echo = text !== null && this.ownWrites.get(path) === text;
			if (echo) this.ownWrites.delete(path);
			// The `modify` echo of our own write holds exactly what we wrote: nothing to do.
			if (!(echo && editedOnly.has(path))) targets.add(path);
		}

		// 2. The indexes above every path that appeared, disappeared or moved (nearest first;
		//    the walk stops above a nested waypoint, whose parents only show its bold link).
		const snapshot = this.io.snapshot;
		const holds = (path: string): boolean => this.waypoints.has(path);
		const affected: string[] = [];
		for (const path of await this.namesakesChanged(slicer)) {
			if (snapshot.getNode(path) !== null) affected.push(...candidateIndexNotes(path, snapshot, settings, holds));
		}
		// Taken now: events that come during a pause wait for the next burst (a folder move brings 10k).
		const changed = [...this.changedPaths].map((path) => [path, candidateIndexNotes] as const);
		const edited = [...this.frontmatterPaths].map((path) => [path, frontmatterCandidates] as const);
		this.changedPaths.clear();
		this.frontmatterPaths.clear();
		for (const [path, candidates] of [...changed, ...edited]) {
			await breathe(slicer);
			affected.push(...candidates(path, snapshot, settings, holds));
		}
		const ordered = new Set<string>([...affected, ...targets]);

		// 3. Each index once.
		const context = this.context(settings);
		if (ordered.size > 0) await this.prepareNames(slicer);
		for (const path of ordered) {
			await breathe(slicer);
			let text: string | null;
			if (texts.has(path)) text = texts.get(path) ?? null;
			else {
				text = await this.readCounted(path, report);
				this.noteWaypoint(path, text, settings);
			}
			await this.refreshNote(path, text, context, report);
		}
		return report;
	}

	private async readCounted(path: string, report: MutableReport): Promise<string | null> {
		const text = await this.io.read(path);
		if (text !== null) report.read++;
		return text;
	}

	private async runRefreshAll(progress: ((done: number, total: number) => void) | undefined, everyNote: boolean): Promise<RefreshReport> {
		const settings = this.io.settings();
		const snapshot = this.io.snapshot;
		const slicer = this.io.slicer?.() ?? NO_SLICING;
		const notes = (await allFolderNotesSliced(snapshot, settings, slicer)).map((note) => note.path);
		const others: string[] = [];
		if (everyNote) {
			const folderNotes = new Set(notes);
			for (const note of await notesInSliced(snapshot.root, slicer)) if (!folderNotes.has(note.path)) others.push(note.path);
		}
		const report = emptyReport();
		// Read every folder note first: which ones hold a waypoint decides where trees stop.
		const texts: [string, string][] = [];
		for (const path of notes) {
			await breathe(slicer);
			const text = await this.readCounted(path, report);
			this.noteWaypoint(path, text, settings);
			if (text !== null && mayContainIndex(text, settings)) texts.push([path, text]);
		}
		// Other notes: one quick text test each; only those that may hold a flag are kept (in path
		// order: sorting the few kept rather than the whole vault's paths).
		const flagged: [string, string][] = [];
		for (const path of others) {
			await breathe(slicer);
			const text = await this.readCounted(path, report);
			if (text !== null && mayContainIndex(text, settings)) flagged.push([path, text]);
		}
		texts.push(...flagged.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		const context = this.context(settings);
		await this.prepareNames(slicer);
		let done = 0;
		for (const [path, text] of texts) {
			await breathe(slicer);
			await this.refreshNote(path, text, context, report);
			done++;
			if (progress && (done % 100 === 0 || done === texts.length)) progress(done, texts.length);
		}
		return report;
	}

	private async refreshNote(path: string, text: string | null, context: RefreshContext, report: MutableReport): Promise<void> {
		report.candidates++;
		if (text === null || !mayContainIndex(text, context.settings)) {
			this.needs.delete(path);
			return;
		}
		report.indexes++;
		this.noteNeeds(path, context.settings);
		const outcome = refreshNoteText(path, text, context);
		await writeOutcome(this.writer, path, text, outcome, (current) => refreshNoteText(path, current, context), report);
	}

	/** The shared write step (`block-write.ts`) over this engine's state and vault access. */
	private get writer(): BlockWriter {
		return blockWriter(this.reported, this.ownWrites, this.io, this.dryRun);
	}
}
