import { type Component, setIcon } from "obsidian";
import type { ComparisonViewState } from "../../core/index";
import type { PaneAction } from "../../core/pane-state";
import type { PaneToolbarAction } from "../../../shared/pane-actions";

/** What the toolbar asks of the pane. */
export interface ToolbarActions {
	dispatch(action: PaneAction): void;
	propertiesMenu(evt: MouseEvent): void;
	exportMenu(evt: MouseEvent): void;
	/** Buttons other features added (`host.paneActions`), each run with the paths of the notes shown. */
	readonly extra: readonly PaneToolbarAction[];
	shownPaths(): readonly string[];
}

function setPressed(button: HTMLElement, pressed: boolean): void {
	button.setAttr("aria-pressed", pressed ? "true" : "false");
	button.toggleClass("is-active", pressed);
}

/** The pane's toolbar: search, view toggles, grouping, the properties menu and export. */
export class PaneToolbar {
	private readonly search: HTMLInputElement;
	private readonly transpose: HTMLButtonElement;
	private readonly hideIdentical: HTMLButtonElement;
	private readonly differencesFirst: HTMLButtonElement;
	private readonly onlySelected: HTMLButtonElement;
	private readonly groupBy: HTMLSelectElement;

	constructor(parent: HTMLElement, owner: Component, actions: ToolbarActions) {
		const bar = parent.createDiv({ cls: "fn-cmp-toolbar" });
		const toggle = (text: string, title: string, action: PaneAction): HTMLButtonElement => {
			const button = bar.createEl("button", { cls: "fn-cmp-toggle", text, attr: { "aria-pressed": "false", title } });
			owner.registerDomEvent(button, "click", () => actions.dispatch(action));
			return button;
		};
		const search = bar.createEl("input", {
			cls: "fn-cmp-search",
			type: "search",
			attr: { placeholder: "Search notes and values", "aria-label": "Search notes and values" },
		});
		owner.registerDomEvent(search, "input", () => actions.dispatch({ type: "search", text: search.value }));
		this.search = search;
		this.transpose = toggle("Transpose", "Show notes as columns, side by side", { type: "transpose" });
		this.hideIdentical = toggle("Hide identical properties", "Show only properties whose values differ", {
			type: "toggle",
			flag: "hideIdentical",
		});
		this.differencesFirst = toggle("Differences first", "Put properties that differ first", {
			type: "toggle",
			flag: "differencesFirst",
		});
		this.onlySelected = toggle("Compare selected", "Compare only the checked notes", { type: "toggle", flag: "onlySelected" });
		const groupBy = bar.createEl("select", { cls: "dropdown fn-cmp-group-by", attr: { "aria-label": "Group rows by" } });
		owner.registerDomEvent(groupBy, "change", () =>
			actions.dispatch({ type: "groupBy", key: groupBy.value === "" ? null : groupBy.value }),
		);
		this.groupBy = groupBy;
		const columns = bar.createEl("button", {
			text: "Properties",
			attr: { "aria-haspopup": "menu", title: "Show, hide and reorder properties" },
		});
		owner.registerDomEvent(columns, "click", (evt) => actions.propertiesMenu(evt));
		const exportButton = bar.createEl("button", { text: "Export", attr: { "aria-haspopup": "menu" } });
		owner.registerDomEvent(exportButton, "click", (evt) => actions.exportMenu(evt));
		for (const action of actions.extra) {
			const button = bar.createEl("button", { cls: "fn-cmp-action", attr: { "data-action": action.id } });
			setIcon(button.createSpan({ cls: "fn-cmp-action-icon" }), action.icon);
			button.createSpan({ text: action.name });
			owner.registerDomEvent(button, "click", () => action.run(actions.shownPaths()));
		}
	}

	/** Show the state's search text and toggles. */
	sync(state: ComparisonViewState): void {
		if (this.search.value !== state.search) this.search.value = state.search;
		setPressed(this.transpose, state.orientation === "columns");
		setPressed(this.hideIdentical, state.hideIdentical);
		setPressed(this.differencesFirst, state.differencesFirst);
		setPressed(this.onlySelected, state.onlySelected);
	}

	/** The grouping choices: the model's properties, and the current one even when absent. */
	renderGroupOptions(keys: readonly string[], current: string): void {
		const select = this.groupBy;
		const signature = [current, ...keys].join("\u0001");
		if (select.dataset.signature === signature) return;
		select.dataset.signature = signature;
		select.empty();
		select.createEl("option", { text: "No grouping", value: "" });
		for (const key of keys) select.createEl("option", { text: `Group by ${key}`, value: key });
		if (current !== "" && !keys.includes(current)) select.createEl("option", { text: `Group by ${current}`, value: current });
		select.value = current;
	}

	/** "Compare selected (n)", disabled while nothing is checked and the option is off. */
	renderSelected(count: number, onlySelected: boolean): void {
		const text = count > 0 ? `Compare selected (${count})` : "Compare selected";
		if (this.onlySelected.textContent !== text) this.onlySelected.setText(text);
		const disabled = count === 0 && !onlySelected;
		if (this.onlySelected.disabled !== disabled) this.onlySelected.disabled = disabled;
	}
}
