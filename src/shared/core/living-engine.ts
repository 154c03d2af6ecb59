/**
 * Keeps living blocks current (comparison tables, decision rankings), as the index engine keeps
 * index blocks current: vault events are recorded, `flush()` then re-renders every block that
 * shows a changed note, each note written at most once per burst and never when its text would
 * not change; the echo of its own write causes no work. Features supply the kinds of block
 * (`LivingKind`); this engine never knows what a block shows.
 */

import { blockWriter, type BlockWriter, writeOutcome } from "./block-write";
import { buildLinkNames, type LinkNames } from "./link-names";
import { mayHoldLivingBlock, refreshLivingText, type BlockContent, type LivingMarkers } from "./living-blocks";
import { dropKeys, moveKeys } from "./path-maps";
import { breathe, NO_SLICING, type Slicer } from "./slicer";
import { notesInSliced, type Frontmatter, type VaultSnapshot } from "./vault";
import { WorkQueue } from "./work-queue";

/** One kind of living block, as the engine uses it (built fresh for each run, from current settings). */
export interface LivingKind extends LivingMarkers {
	/** The block's content for the note at `holder`. */
	render(holder: string, names: () => LinkNames): BlockContent;
	/** Which notes or folders the block in `holder` may show (its scope's): asked once per holder and burst. */
	watcher(holder: string): (path: string) => boolean;
	/**
	 * Notes of an older format this kind makes living (an older, static comparison note), looked
	 * at when every note is read: text such notes contain, and their new text, or why a note is
	 * left as it is, or null for a note that is not one.
	 */
	readonly adopt?: {
		readonly hint: string;
		convert(path: string, text: string, names: () => LinkNames): { readonly text: string } | { readonly message: string } | null;
	};
}

/** The engine's port to the app (the plugin backs it with Obsidian's vault; tests with memory). */
export interface LivingIO {
	readonly snapshot: VaultSnapshot;
	/** The kinds of block, with the flags of the current settings. */
	kinds(): readonly LivingKind[];
	/** Text of a note the plugin may edit, or null (missing, not markdown, templates folder). */
	read(path: string): Promise<string | null>;
	/** Atomic edit: `edit` receives the note's current text and returns the new text. */
	process(path: string, edit: (current: string) => string): Promise<void>;
	reportError(path: string, message: string): void;
	slicer?(): Slicer;
	/** Work before each run (the kinds read what they need, such as property types). */
	prepare?(): Promise<void>;
}

export interface LivingReport {
	/** Notes holding a living block or flag that were refreshed. */
	readonly blocks: number;
	/** Notes written, in order (each at most once). */
	readonly written: readonly string[];
	readonly errors: readonly string[];
}

/** Frontmatter as text, to tell a change from a re-read; null when it cannot be written as JSON. */
function fingerprint(frontmatter: Frontmatter | null): string | null {
	try {
		return JSON.stringify(frontmatter) ?? null;
	} catch {
		return null;
	}
}

function baseLower(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return (name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name).toLowerCase();
}

export class LivingEngine {
	/** Notes known to hold a living block or flag, with the lower-case names their blocks show. */
	private readonly holders = new Map<string, ReadonlySet<string>>();
	/** Notes, files or folders that changed (frontmatter, created, moved, deleted). */
	private readonly changed = new Set<string>();
	/** Of those, the ones whose name appeared or went (namesakes change link texts). */
	private readonly structural = new Set<string>();
	/** Notes whose own text may have changed. */
	private readonly touched = new Set<string>();
	private readonly ownWrites = new Map<string, string>();
	private readonly reported = new Map<string, string>();
	/** The frontmatter last seen per note (as JSON), so that a body edit re-renders nothing. */
	private readonly prints = new Map<string, string>();
	private names: LinkNames | null = null;
	private readonly queue = new WorkQueue();

	constructor(private readonly io: LivingIO) {}

	created(path: string): void {
		this.changed.add(path);
		this.structural.add(path);
		this.names = null;
	}

	/** A note's text changed: it may hold a new flag or an edited block. */
	edited(path: string): void {
		this.touched.add(path);
	}

	renamed(newPath: string, oldPath: string, isFolder: boolean): void {
		for (const map of [this.holders, this.ownWrites, this.reported, this.prints])
			moveKeys(map as Map<string, unknown>, oldPath, newPath, isFolder);
		for (const p of [oldPath, newPath]) {
			this.changed.add(p);
			this.structural.add(p);
		}
		this.names = null;
	}

	deleted(path: string, isFolder: boolean): void {
		for (const map of [this.holders, this.ownWrites, this.reported, this.prints]) dropKeys(map as Map<string, unknown>, path, isFolder);
		this.changed.add(path);
		this.structural.add(path);
		this.names = null;
	}

	/**
	 * A note's frontmatter was (re)read. Counts only when it differs from the one last seen (the
	 * first one seen, or one not given, always counts).
	 */
	frontmatterChanged(path: string, frontmatter?: Frontmatter | null): void {
		if (frontmatter !== undefined) {
			const print = fingerprint(frontmatter);
			if (print !== null && this.prints.get(path) === print) return;
			if (print === null) this.prints.delete(path);
			else this.prints.set(path, print);
		}
		this.changed.add(path);
	}

	hasPending(): boolean {
		return this.changed.size + this.touched.size > 0;
	}

	/** Notes known to hold a living block or flag. */
	holderPaths(): string[] {
		return [...this.holders.keys()];
	}

	/** Apply the recorded events: each affected block is rendered once, each note written at most once. */
	flush(): Promise<LivingReport> {
		return this.queue.run(() => this.runFlush());
	}

	/** Read every note and refresh each one holding a living block or flag (start-up, settings change). */
	refreshAll(): Promise<LivingReport> {
		return this.queue.run(() => this.runRefreshAll());
	}

	/** `refreshAll` without writing: `written` lists the notes whose blocks are out of date. */
	checkAll(): Promise<LivingReport> {
		return this.queue.run(async () => {
			this.dryRun = true;
			try {
				return await this.runRefreshAll();
			} finally {
				this.dryRun = false;
			}
		});
	}

	/** True while `checkAll` runs: nothing is written. */
	private dryRun = false;

	private linkNames(): LinkNames {
		this.names ??= buildLinkNames(this.io.snapshot.root);
		return this.names;
	}

	private async runFlush(): Promise<LivingReport> {
		await this.io.prepare?.();
		const kinds = this.io.kinds();
		const slicer = this.io.slicer?.() ?? NO_SLICING;
		const report = { blocks: 0, written: [] as string[], errors: [] as string[] };
		const texts = new Map<string, string | null>();
		const targets = new Set<string>();
		for (const path of this.touched) {
			await breathe(slicer);
			const text = await this.io.read(path);
			texts.set(path, text);
			const echo = text !== null && this.ownWrites.get(path) === text;
			if (echo) this.ownWrites.delete(path);
			if (text !== null && mayHoldLivingBlock(text, kinds)) {
				if (!this.holders.has(path)) this.holders.set(path, new Set());
				if (!echo) targets.add(path);
			} else this.holders.delete(path);
		}
		this.touched.clear();
		const changed = [...this.changed];
		const named = [...new Set([...this.structural].map(baseLower))];
		this.changed.clear();
		this.structural.clear();
		if (changed.length > 0) {
			for (const [holder, shown] of this.holders) {
				if (targets.has(holder)) continue;
				const watchers = kinds.map((k) => k.watcher(holder));
				const hit =
					changed.some((path) => path === holder || watchers.some((watches) => watches(path))) ||
					named.some((name) => shown.has(name));
				if (hit) targets.add(holder);
			}
		}
		for (const path of [...targets].sort()) {
			await breathe(slicer);
			const text = texts.has(path) ? (texts.get(path) ?? null) : await this.io.read(path);
			await this.refreshNote(path, text, kinds, report);
		}
		return report;
	}

	private async runRefreshAll(): Promise<LivingReport> {
		await this.io.prepare?.();
		const kinds = this.io.kinds();
		const slicer = this.io.slicer?.() ?? NO_SLICING;
		const report = { blocks: 0, written: [] as string[], errors: [] as string[] };
		const found: [string, string][] = [];
		for (const note of await notesInSliced(this.io.snapshot.root, slicer)) {
			await breathe(slicer);
			const text = await this.io.read(note.path);
			if (text !== null && mayHoldLivingBlock(text, kinds)) found.push([note.path, text]);
			else {
				this.holders.delete(note.path);
				if (text !== null) await this.adopt(note.path, text, kinds, report);
			}
		}
		found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		for (const [path, text] of found) {
			await breathe(slicer);
			if (!this.holders.has(path)) this.holders.set(path, new Set());
			await this.refreshNote(path, text, kinds, report);
		}
		return report;
	}

	/** Make a note of an older format living (once, at a full refresh), or say once why it is left. */
	private async adopt(path: string, text: string, kinds: readonly LivingKind[], report: { written: string[] }): Promise<void> {
		for (const kind of kinds) {
			if (kind.adopt === undefined || !text.includes(kind.adopt.hint)) continue;
			const outcome = kind.adopt.convert(path, text, () => this.linkNames());
			if (outcome === null) continue;
			if ("message" in outcome) {
				if (this.reported.get(path) !== text) {
					this.reported.set(path, text);
					this.io.reportError(path, outcome.message);
				}
				return;
			}
			if (this.dryRun) {
				report.written.push(path);
				return;
			}
			let wrote = false;
			await this.io.process(path, (current) => {
				if (current !== text) return current;
				wrote = true;
				this.ownWrites.set(path, outcome.text);
				return outcome.text;
			});
			if (wrote) {
				report.written.push(path);
				this.holders.set(path, new Set());
			}
			return;
		}
	}

	private async refreshNote(
		path: string,
		text: string | null,
		kinds: readonly LivingKind[],
		report: { blocks: number; written: string[]; errors: string[] },
	): Promise<void> {
		if (text === null || !mayHoldLivingBlock(text, kinds)) {
			this.holders.delete(path);
			return;
		}
		report.blocks++;
		const shown = new Set<string>();
		const render = (kind: string): BlockContent => {
			const spec = kinds.find((k) => k.name === kind);
			if (spec === undefined) return { ok: false, message: `unknown block "${kind}"` };
			const content = spec.render(path, () => this.linkNames());
			if (content.ok) for (const p of content.shown ?? []) shown.add(baseLower(p));
			return content;
		};
		const outcome = refreshLivingText(text, kinds, render);
		this.holders.set(path, shown);
		await writeOutcome(this.writer, path, text, outcome, (current) => refreshLivingText(current, kinds, render), report);
	}

	/** The shared write step (`block-write.ts`) over this engine's state and vault access. */
	private get writer(): BlockWriter {
		return blockWriter(this.reported, this.ownWrites, this.io, this.dryRun);
	}
}
