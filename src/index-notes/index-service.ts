import { Component, Notice, TAbstractFile, TFile, TFolder, type CachedMetadata } from "obsidian";
import type { RefreshContext } from "./core/index";
import { sameData, type IndexSettings } from "../shared/core/settings";
import { isMarkdown, walkSliced, type VaultSnapshot } from "../shared/core/vault";
import { registerGoToParentIndex } from "./commands/go-to-parent-index";
import { registerInsertIndexBlock } from "./commands/insert-index-block";
import { registerRefreshAllIndexes } from "./commands/refresh-all-indexes";
import { registerCheckCliHandler, registerRefreshCliHandler } from "./obsidian-cli";
import type { PluginHost } from "../shared/host";
import { IndexEngine, type IndexIO, type RefreshReport } from "./core/engine";
import { LivingEngine, type LivingReport } from "../shared/core/living-engine";
import { vaultSnapshot } from "../shared/live-snapshot";
import { type TemplatesFolder, templatesFolderOf } from "../shared/templates-folder";
import { WorkQueue } from "../shared/core/work-queue";
import { reportError } from "../shared/report";
import { appSlicer } from "../shared/yield";

/** A start-up reconciliation of more index notes than this shows its progress. */
const PROGRESS_THRESHOLD = 500;
/** Longest wait at start-up for Obsidian to finish indexing notes before reconciling. */
const METADATA_WAIT_MS = 30_000;
/** A burst that never pauses is still applied after this many debounce periods. */
const MAX_WAIT_FACTOR = 10;

function isMarkdownFile(file: TAbstractFile): file is TFile {
	return file instanceof TFile && isMarkdown(file);
}

/**
 * Keeps index notes current in the app: listens to the vault (after layout-ready), collects a
 * burst of changes for `debounceMs`, then lets the engine refresh each affected index once.
 * Reconciles every index once after start-up and after a settings change.
 */
export class IndexService extends Component {
	readonly engine: IndexEngine;
	/** Living blocks (comparison tables, decision rankings) other features add: kept current with the same bursts. */
	readonly living: LivingEngine;
	readonly snapshot: VaultSnapshot;
	private readonly templates: TemplatesFolder;
	private timer: number | null = null;
	private burstStart = 0;
	/** When the last vault event of the current burst came. */
	private lastEvent = 0;
	/** Vault events since the debounce timer was last armed, and how often it was re-armed. */
	private eventsSinceArm = 0;
	private rounds = 0;
	private fullRefreshPending = false;
	private livingRefreshPending = false;
	private active = false;
	/** Start-up reconciliation, bursts and explicit refreshes, one after another. */
	private readonly queue = new WorkQueue();

	constructor(private readonly host: PluginHost) {
		super();
		const { app } = host;
		this.snapshot = vaultSnapshot(app);
		this.templates = templatesFolderOf(app);
		const io: IndexIO = {
			snapshot: this.snapshot,
			settings: () => this.settings,
			linkText: (target, sourcePath, alias) => {
				const file = app.vault.getFileByPath(target.path);
				return file ? app.fileManager.generateMarkdownLink(file, sourcePath, undefined, alias) : `[[${target.path}]]`;
			},
			read: (path) => this.readIndexable(path),
			process: async (path, edit) => {
				const file = app.vault.getFileByPath(path);
				if (file) await app.vault.process(file, edit);
			},
			reportError: (path, message) => {
				new Notice(`Index not updated in "${path}": ${message}`);
			},
			slicer: appSlicer,
		};
		this.engine = new IndexEngine(io);
		this.living = new LivingEngine({
			snapshot: this.snapshot,
			kinds: () => host.livingBlocks.kinds(),
			read: (path) => this.readIndexable(path),
			process: (path, edit) => io.process(path, edit),
			reportError: (path, message) => {
				new Notice(`Living block not updated in "${path}": ${message}`);
			},
			slicer: appSlicer,
			prepare: () => host.livingBlocks.prepare(),
		});
	}

	get settings(): IndexSettings {
		return this.host.settings.index;
	}

	/** What the core needs to refresh a note now. */
	context(): RefreshContext {
		return this.engine.context(this.settings);
	}

	/**
	 * Text of a note the index feature may edit: an existing markdown note outside the
	 * templates folder. Null otherwise (missing, `.canvas` and other non-markdown files, templates).
	 */
	async readIndexable(path: string): Promise<string | null> {
		const file = this.host.app.vault.getFileByPath(path);
		if (!file || !isMarkdownFile(file) || this.templates.contains(path)) return null;
		return this.host.app.vault.cachedRead(file);
	}

	/** True when the index feature may edit the note at `path`. */
	isIndexable(path: string): boolean {
		const file = this.host.app.vault.getFileByPath(path);
		return file !== null && isMarkdownFile(file) && !this.templates.contains(path);
	}

	override onload(): void {
		this.active = true;
		const { app } = this.host;
		registerInsertIndexBlock(this.host, this);
		registerRefreshAllIndexes(this.host, this);
		registerRefreshCliHandler(this.host, this);
		registerCheckCliHandler(this.host, this);
		registerGoToParentIndex(this.host, this);
		this.host.onSettingsChange((next, previous) => {
			if (!this.active) return;
			if (!sameData(next.compare, previous.compare)) this.livingRefreshPending = true;
			if (!sameData(next.index, previous.index)) this.fullRefreshPending = true;
			if (this.fullRefreshPending || this.livingRefreshPending) this.schedule();
		});
		app.workspace.onLayoutReady(() => {
			if (!this.active) return;
			this.registerVaultEvents();
			this.background(() => this.startUp());
		});
	}

	override onunload(): void {
		this.active = false;
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
	}

	/**
	 * Refresh every index note now, then every living block (the "Refresh all index notes"
	 * command; the CLI's `refresh` does both too).
	 */
	async refreshAll(): Promise<{ readonly indexes: RefreshReport; readonly living: LivingReport }> {
		// One task of the service's queue, living blocks included: `idle()` waits for all of it.
		return this.queue.run(async () => {
			await this.templates.reload();
			const indexes = await this.engine.refreshAll(undefined, true);
			this.livingRefreshPending = false;
			const living = await this.living.refreshAll();
			return { indexes, living };
		});
	}

	/** What `refreshAll` would write, without writing (the Obsidian CLI's `check`). */
	async checkAll(): Promise<{ readonly indexes: RefreshReport; readonly living: LivingReport }> {
		return this.queue.run(async () => {
			await this.templates.reload();
			const indexes = await this.engine.checkAll(true);
			const living = await this.living.checkAll();
			return { indexes, living };
		});
	}

	/** Resolves when the work queued so far, and any work it queued in turn, has been done. */
	async idle(): Promise<void> {
		do await this.queue.idle();
		while (this.queue.pending > 0);
	}

	/** True while a burst is waiting for its debounce or work is running. */
	busy(): boolean {
		return this.timer !== null || this.queue.pending > 0;
	}

	private registerVaultEvents(): void {
		const { vault, metadataCache } = this.host.app;
		this.registerEvent(
			vault.on("create", (file) => {
				this.engine.created(file.path, isMarkdownFile(file));
				this.living.created(file.path);
				this.schedule();
			}),
		);
		this.registerEvent(
			vault.on("delete", (file) => {
				this.engine.deleted(file.path, file instanceof TFolder);
				this.living.deleted(file.path, file instanceof TFolder);
				this.schedule();
			}),
		);
		this.registerEvent(
			vault.on("rename", (file, oldPath) => {
				this.engine.renamed(file.path, oldPath);
				this.living.renamed(file.path, oldPath, file instanceof TFolder);
				this.schedule();
			}),
		);
		this.registerEvent(
			vault.on("modify", (file) => {
				if (!isMarkdownFile(file)) {
					if (this.engine.otherModified(file.path)) this.schedule();
					return;
				}
				// Only the note itself is read: it may hold a freshly typed flag or an edited block.
				this.engine.edited(file.path);
				this.living.edited(file.path);
				this.schedule();
			}),
		);
		this.registerEvent(
			metadataCache.on("changed", (file: TFile, _data: string, cache: CachedMetadata) => {
				// Only a change of a property some index shows, sorts or groups by counts.
				this.engine.frontmatterChanged(file.path, cache.frontmatter ?? null);
				// Living blocks show every property: any frontmatter change may concern one (a body edit does not).
				this.living.frontmatterChanged(file.path, cache.frontmatter ?? null);
				if (this.engine.hasPending() || this.living.hasPending()) this.schedule();
			}),
		);
	}

	/**
	 * True when Obsidian has indexed every markdown note. Right after a first start on a large
	 * vault it has not: titles, `order` values and per-index options would read as missing, and
	 * the reconciliation would write indexes only to rewrite them moments later.
	 */
	private async metadataComplete(): Promise<boolean> {
		const { metadataCache } = this.host.app;
		// A walk in slices, not `getMarkdownFiles()`: that builds the list of 100k notes in one go.
		return walkSliced(this.snapshot.root, appSlicer(), {
			file: (file) => !isMarkdown(file) || metadataCache.getCache(file.path) !== null,
		});
	}

	/** Resolves at Obsidian's next `resolved` event, or after `limitMs` at the latest. */
	private metadataResolved(limitMs: number): Promise<void> {
		const { metadataCache } = this.host.app;
		return new Promise((resolve) => {
			const ref = metadataCache.on("resolved", () => done());
			const timer = window.setTimeout(() => done(), limitMs);
			const done = (): void => {
				metadataCache.offref(ref);
				window.clearTimeout(timer);
				resolve();
			};
			// Unloading while waiting releases the listener and the timer at once.
			this.register(done);
		});
	}

	private async startUp(): Promise<void> {
		if (!(await this.metadataComplete())) await this.metadataResolved(METADATA_WAIT_MS);
		if (!this.active) return;
		await this.templates.reload();
		const progress: { notice: Notice | null } = { notice: null };
		const report = await this.engine.refreshAll((done, total) => {
			if (total <= PROGRESS_THRESHOLD) return;
			const message = `Refreshing index notes: ${done} of ${total}`;
			if (progress.notice) progress.notice.setMessage(message);
			else progress.notice = new Notice(message, 0);
		});
		if (progress.notice) {
			progress.notice.hide();
			new Notice(`Index notes refreshed: ${report.written.length} of ${report.indexes} updated`);
		}
		if (!this.active) return;
		this.livingRefreshPending = false;
		await this.living.refreshAll();
	}

	/** Debounce: apply the burst once the vault has been quiet for `debounceMs`. */
	private schedule(): void {
		if (!this.active) return;
		this.lastEvent = Date.now();
		this.eventsSinceArm++;
		// A burst of thousands of events (a folder moved) re-arms no timer: the timer, when it
		// fires, sees whether events came meanwhile and then waits for the vault to be quiet.
		if (this.timer !== null) return;
		this.burstStart = this.lastEvent;
		this.rounds = 0;
		this.arm(this.settings.debounceMs);
	}

	private arm(wait: number): void {
		this.eventsSinceArm = 0;
		this.timer = window.setTimeout(
			() => {
				const delay = this.settings.debounceMs;
				const now = Date.now();
				const deadline = this.burstStart + Math.max(delay * MAX_WAIT_FACTOR, delay);
				this.rounds++;
				// A burst that never pauses is still applied at the deadline (or after as many rounds).
				if (this.eventsSinceArm > 0 && now < deadline && this.rounds < MAX_WAIT_FACTOR) {
					this.arm(Math.max(1, Math.min(this.lastEvent + delay, deadline) - now));
					return;
				}
				this.timer = null;
				this.background(() => this.applyBurst());
			},
			Math.max(0, wait),
		);
	}

	private async applyBurst(): Promise<void> {
		if (!this.active) return;
		if (this.fullRefreshPending) {
			this.fullRefreshPending = false;
			await this.templates.reload();
			await this.engine.refreshAll();
		}
		if (this.engine.hasPending()) await this.engine.flush();
		if (this.livingRefreshPending) {
			this.livingRefreshPending = false;
			await this.living.refreshAll();
		}
		// After the indexes: a note holding both is read again with its new index.
		if (this.living.hasPending()) await this.living.flush();
	}

	/** Queue work nobody awaits: a failure shows one Notice and is logged once. */
	private background(work: () => Promise<void>): void {
		this.queue.run(work).catch((error: unknown) => reportError("index refresh", error));
	}
}
