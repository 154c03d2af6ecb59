import { Component, type ItemView } from "obsidian";
import type { PaneModes } from "../../../shared/pane-modes";

/** The table itself: the pane's own mode. */
export const TABLE_MODE = "table";

/** The mode part of the pane's saved state: the mode shown and each mode's own state. */
export interface ModeState {
	readonly mode: string;
	readonly modeStates: ReadonlyMap<string, Record<string, unknown>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Read the mode part of a saved state (untrusted; mode ids kept in a map). */
export function parseModeState(raw: unknown): ModeState {
	const src = isRecord(raw) ? raw : {};
	const mode = typeof src.mode === "string" && src.mode !== "" ? src.mode : TABLE_MODE;
	const modeStates = new Map<string, Record<string, unknown>>();
	if (isRecord(src.modeStates)) {
		for (const [id, state] of Object.entries(src.modeStates)) if (isRecord(state)) modeStates.set(id, state);
	}
	return { mode, modeStates };
}

export function serializeModeState(state: ModeState): Record<string, unknown> {
	// fromEntries defines own properties, so a mode id such as `__proto__` stays an ordinary key.
	return { mode: state.mode, modeStates: Object.fromEntries(state.modeStates) };
}

/**
 * The pane's mode switcher ("Table" and every registered pane mode) and the container a mode
 * draws into. While a mode other than the table is shown, the view's content element carries
 * `fn-cmp-mode-active` and the stylesheet hides the table's parts.
 */
export class PaneModeSwitcher {
	private readonly bar: HTMLElement;
	private readonly container: HTMLElement;
	private readonly buttons = new Map<string, HTMLButtonElement>();
	private component: Component | null = null;
	private shown: string = TABLE_MODE;
	state: ModeState = { mode: TABLE_MODE, modeStates: new Map() };

	constructor(
		private readonly view: ItemView,
		private readonly modes: PaneModes,
		private readonly saveLayout: () => void,
	) {
		const root = view.contentEl;
		this.bar = root.createDiv({ cls: "fn-cmp-modes", attr: { role: "tablist", "aria-label": "View" } });
		this.container = root.createDiv({ cls: "fn-cmp-mode" });
		if (modes.list().length === 0) this.bar.addClass("fn-cmp-hidden");
		const entries = [{ id: TABLE_MODE, name: "Table" }, ...modes.list().map((m) => ({ id: m.id, name: m.name }))];
		for (const { id, name } of entries) {
			const button = this.bar.createEl("button", { text: name, cls: "fn-cmp-mode-button", attr: { role: "tab", "data-mode": id } });
			view.registerDomEvent(button, "click", () => this.show(id));
			this.buttons.set(id, button);
		}
	}

	/** The mode shown. */
	get current(): string {
		return this.shown;
	}

	/** Show mode `id` (the table when unknown), optionally with a new state for it. */
	show(id: string, state?: Record<string, unknown>): void {
		const mode = this.modes.get(id);
		const target = mode === null ? TABLE_MODE : id;
		const modeStates = new Map(this.state.modeStates);
		if (state !== undefined && mode !== null) modeStates.set(id, state);
		this.state = { mode: target, modeStates };
		if (target === this.shown && state === undefined && (this.component !== null || target === TABLE_MODE)) return;
		this.leave();
		this.shown = target;
		for (const [buttonId, button] of this.buttons) {
			button.toggleClass("is-active", buttonId === target);
			button.setAttr("aria-selected", buttonId === target ? "true" : "false");
		}
		this.view.contentEl.toggleClass("fn-cmp-mode-active", mode !== null);
		if (mode !== null) {
			const component = new Component();
			this.view.addChild(component);
			this.component = component;
			mode.open(this.container, {
				app: this.view.app,
				component,
				state: modeStates.get(id) ?? {},
				saveState: (next) => {
					const states = new Map(this.state.modeStates);
					states.set(id, next);
					this.state = { ...this.state, modeStates: states };
					this.saveLayout();
				},
			});
		}
		this.saveLayout();
	}

	/** Restore a saved state (workspace restore). */
	restore(state: ModeState): void {
		this.state = state;
		this.shown = "";
		this.show(state.mode);
	}

	private leave(): void {
		if (this.component !== null) this.view.removeChild(this.component);
		this.component = null;
		this.container.empty();
	}

	close(): void {
		this.leave();
	}
}
