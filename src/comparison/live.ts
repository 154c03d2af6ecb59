import { type App, Component, type TAbstractFile, TFile, TFolder } from "obsidian";
import type { VaultChangeBatch } from "./core/live-plan";

export type { VaultChangeBatch };

/** Default quiet period before a burst of vault events is applied. */
export const LIVE_DEBOUNCE_MS = 150;

/**
 * Watches the metadata cache and the vault, and hands the comparison pane one batch per quiet
 * period. Listeners are registered on this component (a child of the view) once the layout is
 * ready, so they go away with the view.
 */
export class ComparisonLiveUpdates extends Component {
	private changed = new Set<string>();
	private removed = new Set<string>();
	private renamed: [string, string][] = [];
	private timer: number | null = null;

	constructor(
		private readonly app: App,
		private readonly onBatch: (batch: VaultChangeBatch) => void,
		private readonly debounceMs: number = LIVE_DEBOUNCE_MS,
	) {
		super();
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => {
			this.registerEvent(
				this.app.metadataCache.on("changed", (file: TFile) => {
					if (file.extension === "md") this.noteChanged(file.path);
				}),
			);
			this.registerEvent(
				this.app.vault.on("create", (file: TAbstractFile) => {
					if (file instanceof TFile && file.extension === "md") this.noteChanged(file.path);
				}),
			);
			this.registerEvent(
				this.app.vault.on("delete", (file: TAbstractFile) => {
					if (file instanceof TFolder || (file instanceof TFile && file.extension === "md")) this.noteRemoved(file.path);
				}),
			);
			this.registerEvent(
				this.app.vault.on("rename", (file: TAbstractFile, oldPath: string) => {
					this.noteRenamed(oldPath, file.path);
				}),
			);
		});
	}

	override onunload(): void {
		this.cancel();
	}

	/** Apply what is pending now (tests, and before an explicit refresh). */
	flush(): void {
		this.cancel();
		if (this.changed.size === 0 && this.removed.size === 0 && this.renamed.length === 0) return;
		const batch: VaultChangeBatch = { changed: this.changed, removed: this.removed, renamed: this.renamed };
		this.changed = new Set();
		this.removed = new Set();
		this.renamed = [];
		this.onBatch(batch);
	}

	private noteChanged(path: string): void {
		this.removed.delete(path);
		this.changed.add(path);
		this.schedule();
	}

	private noteRemoved(path: string): void {
		this.changed.delete(path);
		this.removed.add(path);
		this.schedule();
	}

	private noteRenamed(oldPath: string, newPath: string): void {
		this.renamed.push([oldPath, newPath]);
		if (this.changed.delete(oldPath)) this.changed.add(newPath);
		this.schedule();
	}

	private schedule(): void {
		this.cancel();
		this.timer = window.setTimeout(() => {
			this.timer = null;
			this.flush();
		}, this.debounceMs);
	}

	private cancel(): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
	}
}
