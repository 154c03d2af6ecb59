import type { App, Component } from "obsidian";

/**
 * Pane modes: other ways of looking at the framework notes that the comparison pane offers next
 * to its table, contributed by features that may not import the comparison (and that it may not
 * import). A feature adds a mode with `host.paneModes.add(mode)`; the pane lists every mode in a
 * switcher, and while one is chosen it hides its table and lets the mode draw into a container
 * the pane owns. The pane keeps each mode's state with the workspace layout.
 */

/** What the pane gives a mode while it is shown. */
export interface PaneModeContext {
	readonly app: App;
	/**
	 * Owns the mode's listeners and DOM events (`registerEvent`, `registerDomEvent`); it is a
	 * child of the pane's view and unloads when the mode is left or the pane closes.
	 */
	readonly component: Component;
	/** The mode's saved state (untrusted: restored from the workspace layout). */
	readonly state: Readonly<Record<string, unknown>>;
	/** Keep new state for the mode (saved with the workspace layout). */
	saveState(state: Record<string, unknown>): void;
}

export interface PaneMode {
	/** Stable id, stored in the pane's state. */
	readonly id: string;
	/** The switcher's label (sentence case). */
	readonly name: string;
	/** Draw the mode into `container` (emptied by the pane when the mode is left). */
	open(container: HTMLElement, context: PaneModeContext): void;
}

/** Shows the pane in a mode with a state; resolves false when no pane could show it. */
export type PaneModeOpener = (id: string, state: Record<string, unknown>) => Promise<boolean>;

/** The plugin's pane modes, and the way to open the pane in one. */
export class PaneModes {
	private readonly modes: PaneMode[] = [];
	private opener: PaneModeOpener | null = null;

	/** Offer a mode in every comparison pane (in the order added). */
	add(mode: PaneMode): void {
		if (this.modes.some((m) => m.id === mode.id)) throw new Error(`pane mode "${mode.id}" added twice`);
		this.modes.push(mode);
	}

	list(): readonly PaneMode[] {
		return this.modes;
	}

	get(id: string): PaneMode | null {
		return this.modes.find((m) => m.id === id) ?? null;
	}

	/** Set by the feature that owns the pane: how to show it in a mode. */
	setOpener(opener: PaneModeOpener): void {
		this.opener = opener;
	}

	/** Show the pane in mode `id` with `state` (commands use this). */
	async show(id: string, state: Record<string, unknown>): Promise<boolean> {
		if (this.opener === null || this.get(id) === null) return false;
		return this.opener(id, state);
	}
}
