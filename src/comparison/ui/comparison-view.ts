import { type HoverParent, type HoverPopover, ItemView, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import {
	type ComparisonModel,
	type ComparisonViewState,
	DEFAULT_VIEW_STATE,
	parseViewState,
	serializeViewState,
	type ViewResult,
} from "../core/index";
import type { CompareSettings } from "../../shared/core/settings";
import type { PluginHost } from "../../shared/host";
import { type ModeState, PaneModeSwitcher, parseModeState, serializeModeState } from "./pane/modes";
import { ComparisonPane } from "./pane/pane";

export { EMPTY_STATE_TEXT, NO_MATCH_TEXT } from "./pane/pane";

export const COMPARISON_VIEW_TYPE = "framework-notes-comparison";
export const COMPARISON_ICON = "table-2";

/**
 * The comparison pane: every framework note's properties side by side (rows = notes, or
 * transposed), typed, sortable, filterable, groupable, editable in place, exportable, and live.
 * The view itself opens, closes and saves its state with the workspace; `ComparisonPane` does the rest.
 */
export class ComparisonView extends ItemView implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	/** The state while the pane is closed (restored before it opens). */
	private closedState: ComparisonViewState = DEFAULT_VIEW_STATE;
	private pane: ComparisonPane | null = null;
	/** The pane mode shown (the table or a feature's mode) while the pane is closed. */
	private closedModeState: ModeState = parseModeState(null);
	private modes: PaneModeSwitcher | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PluginHost,
	) {
		super(leaf);
	}

	private get paneState(): ComparisonViewState {
		return this.pane?.state ?? this.closedState;
	}

	private set paneState(state: ComparisonViewState) {
		if (this.pane) this.pane.state = state;
		else this.closedState = state;
	}

	getViewType(): string {
		return COMPARISON_VIEW_TYPE;
	}

	getDisplayText(): string {
		const scope = this.paneState.scope;
		return scope ? `Framework comparison: ${scope}` : "Framework comparison";
	}

	override getIcon(): string {
		return COMPARISON_ICON;
	}

	/** The current model and view (read-only; tests and exports). */
	get current(): { readonly model: ComparisonModel | null; readonly result: ViewResult | null; readonly state: ComparisonViewState } {
		return this.pane?.current ?? { model: null, result: null, state: this.paneState };
	}

	/** Resolves when the last rebuild or live update finished (tests, commands). */
	get ready(): Promise<void> {
		return this.pane?.idle() ?? Promise.resolve();
	}

	override getState(): Record<string, unknown> {
		return { ...serializeViewState(this.paneState), ...serializeModeState(this.modes?.state ?? this.closedModeState) };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const previousScope = this.paneState.scope;
		this.paneState = parseViewState(state);
		this.closedModeState = parseModeState(state);
		await super.setState(state, result);
		this.modes?.restore(this.closedModeState);
		await this.pane?.stateReplaced(previousScope);
	}

	/** The pane mode shown: "table" or a registered pane mode's id. */
	get mode(): string {
		return this.modes?.current ?? this.closedModeState.mode;
	}

	/** Show a pane mode (the table when `id` is unknown), optionally with a new state for it. */
	showMode(id: string, state?: Record<string, unknown>): void {
		this.modes?.show(id, state);
	}

	override async onOpen(): Promise<void> {
		this.contentEl.empty();
		this.contentEl.addClass("fn-cmp");
		this.modes = new PaneModeSwitcher(this, this.host.paneModes, () => this.app.workspace.requestSaveLayout());
		this.pane = new ComparisonPane(this, this.host, COMPARISON_VIEW_TYPE, this.closedState);
		this.modes.restore(this.closedModeState);
		await this.pane.start();
	}

	override async onClose(): Promise<void> {
		if (this.pane) {
			this.closedState = this.pane.state;
			this.pane.close();
		}
		if (this.modes) {
			this.closedModeState = this.modes.state;
			this.modes.close();
		}
		this.modes = null;
		this.pane = null;
		this.contentEl.empty();
		await super.onClose();
	}

	/** The pane was resized or shown: the number of rows in view may differ. */
	override onResize(): void {
		this.pane?.resized();
	}

	/** Apply pending vault events now (commands and tests; normally debounced). */
	async flushLive(): Promise<void> {
		await this.pane?.flushLive();
	}

	/** Called when the plugin's settings change. */
	settingsChanged(next: CompareSettings): void {
		this.pane?.settingsChanged(next);
	}

	/** Recompute the view from the model and redraw what changed. */
	render(): void {
		this.pane?.render();
	}

	async copyMarkdown(): Promise<boolean> {
		return (await this.pane?.copyMarkdown()) ?? false;
	}

	async copyCsv(): Promise<boolean> {
		return (await this.pane?.copyCsv()) ?? false;
	}

	async saveAsNote(): Promise<string | null> {
		return (await this.pane?.saveAsNote()) ?? null;
	}
}
