/**
 * The plugin's settings tab opened as an app opens it, on either path:
 * - `"definitions"`: Obsidian 1.13+, which draws the tab from `getSettingDefinitions()` and never
 *   calls `display()`;
 * - `"classic"`: an older app, which knows no definitions and calls `display()`.
 *
 * Gap 10 of obsidian-test-mocks (v3.11): its `SettingTab` draws definitions (`renderTab__`) but
 * throws on a `control` definition ("not modeled"). Here such a row is drawn as the 1.13.1 typings
 * describe it: the value from the tab's `getControlValue(key)` (or the control's `defaultValue`),
 * `validate` run once on mount and on every change, a refused value shown with
 * `setErrorMessage` and not passed on, an accepted one given to the tab's `setControlValue`;
 * a `number` control persists a number, `defaultValue` (or 0) when the text is not one; `visible`
 * evaluated when drawn and again on the tab's `refreshDomState()`. Folder and file pickers are
 * text inputs here (the suggester is not modelled).
 */
import type { SettingControl, SettingDefinitionItem, SettingGroupItem } from "obsidian";
import { Setting } from "obsidian-test-mocks/obsidian";
import { vi } from "vitest";
import type { Harness } from "./plugin-harness";

export type SettingsPath = "definitions" | "classic";

export interface SettingsPage {
	/** Names of the rows a person sees, in order, headings included. */
	names(): string[];
	/** Change a row's value through its control, as a person does, and let the save finish. */
	set(name: string, input: string | boolean | number): Promise<void>;
	/** What a row says below its name: its description, or why an input was refused. */
	says(name: string): string;
	/** The whole tab's text. */
	text(): string;
	/** The definitions the tab gave (empty on the classic path). */
	readonly definitions: readonly SettingDefinitionItem[];
}

interface TabLike {
	containerEl: HTMLElement;
	display(): void;
	getSettingDefinitions(): SettingDefinitionItem[];
	getControlValue(key: string): unknown;
	setControlValue(key: string, value: unknown): void | Promise<void>;
	refreshDomState(): void;
}

interface Row {
	readonly name: string;
	readonly setting: Setting;
	readonly visible: () => boolean;
	readonly heading: boolean;
}

interface ValueControl {
	setValue(value: unknown): unknown;
}

function componentOf(setting: Setting): ValueControl {
	const component = (setting as unknown as { components: ValueControl[] }).components[0];
	if (!component) throw new Error("the row has no control");
	return component;
}

/** The error each row shows (the mock's `errorEl` may not be read before it is set: its objects are strict proxies). */
const errors = new WeakMap<Setting, string>();

function showError(setting: Setting, message: string | null): void {
	if (message) {
		errors.set(setting, message);
		setting.setErrorMessage(message);
	} else if (errors.has(setting)) {
		errors.delete(setting);
		setting.setErrorMessage(null);
	}
}

function says(setting: Setting): string {
	return errors.get(setting) ?? setting.descEl.textContent ?? "";
}

/** The plugin's settings tab (the one it added). */
export function settingsTab(h: Harness): TabLike {
	const tab = (h.plugin as unknown as { settingTabs__: TabLike[] }).settingTabs__[0];
	if (!tab) throw new Error("the plugin added no settings tab");
	return tab;
}

function predicate(value: boolean | (() => boolean) | undefined): () => boolean {
	if (value === undefined) return () => true;
	return typeof value === "function" ? value : () => value;
}

function asText(value: unknown): string {
	return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** One `control` row, drawn as Obsidian 1.13 draws it. */
function drawControl(tab: TabLike, setting: Setting, control: SettingControl): void {
	const validate = control.validate as ((value: unknown) => string | void | Promise<string | void>) | undefined;
	const stored = tab.getControlValue(control.key);
	const initial = stored ?? control.defaultValue;
	const change = async (value: unknown): Promise<void> => {
		const problem = await validate?.(value);
		showError(setting, problem || null);
		if (!problem) await tab.setControlValue(control.key, value);
	};
	void Promise.resolve(validate?.(initial as never)).then((problem) => showError(setting, problem || null));
	switch (control.type) {
		case "toggle":
			setting.addToggle((toggle) => toggle.setValue(initial === true).onChange(change));
			return;
		case "dropdown":
			setting.addDropdown((dropdown) => dropdown.addOptions(control.options).setValue(asText(initial)).onChange(change));
			return;
		case "slider":
			setting.addSlider((slider) =>
				slider.setLimits(control.min, control.max, control.step).setValue(Number(initial)).onChange(change),
			);
			return;
		case "textarea":
			setting.addTextArea((area) => area.setValue(asText(initial)).onChange(change));
			return;
		case "number":
			setting.addText((text) =>
				text.setValue(asText(initial)).onChange((typed) => {
					const number = typed.trim() === "" ? Number.NaN : Number(typed);
					return change(Number.isNaN(number) ? (control.defaultValue ?? 0) : number);
				}),
			);
			return;
		case "text":
		case "folder":
		case "file":
			setting.addText((text) => text.setValue(asText(initial)).onChange(change));
			return;
		case "color":
			throw new Error("colour controls are not drawn by this harness");
	}
}

function drawItem(tab: TabLike, container: HTMLElement, item: SettingGroupItem, rows: Row[]): void {
	const setting = new Setting(container);
	rows.push({ name: item.name, setting, visible: predicate(item.visible), heading: false });
	setting.setName(item.name);
	if (item.desc !== undefined) setting.setDesc(item.desc);
	if ("type" in item) return; // a page: only its entry is drawn
	if (item.control) drawControl(tab, setting, item.control);
	else if (item.render) item.render(setting as never, undefined as never);
}

/** Draw the definitions; rows not `visible` are hidden (here: left out of `names()`). */
function drawDefinitions(tab: TabLike, items: readonly SettingDefinitionItem[]): Row[] {
	const container = tab.containerEl;
	container.empty();
	const rows: Row[] = [];
	for (const item of items) {
		if ("type" in item && (item.type === "group" || item.type === "list")) {
			const visible = predicate(item.visible);
			if (item.heading !== undefined) {
				const heading = new Setting(container).setName(item.heading).setHeading();
				rows.push({ name: item.heading, setting: heading, visible, heading: true });
			}
			for (const child of item.items ?? []) drawItem(tab, container, child, rows);
		} else {
			drawItem(tab, container, item as SettingGroupItem, rows);
		}
	}
	return rows;
}

/** Open the plugin's settings tab as an app of that path does. */
export function openSettings(h: Harness, path: SettingsPath): SettingsPage {
	const tab = settingsTab(h);
	if (path === "definitions") {
		const definitions = tab.getSettingDefinitions();
		const rows = drawDefinitions(tab, definitions);
		let shown = new Set(rows.filter((row) => row.visible()));
		tab.refreshDomState = (): void => {
			shown = new Set(rows.filter((row) => row.visible()));
		};
		const row = (name: string): Row => {
			const found = rows.find((r) => r.name === name && shown.has(r) && !r.heading);
			if (!found) throw new Error(`no visible setting "${name}"`);
			return found;
		};
		return {
			definitions,
			names: () => rows.filter((r) => shown.has(r)).map((r) => r.name),
			set: async (name, input) => {
				componentOf(row(name).setting).setValue(input);
				await h.settle();
			},
			says: (name) => says(row(name).setting),
			text: () => tab.containerEl.textContent ?? "",
		};
	}
	// An older app: `display()`, which may draw itself again after a change.
	const spy = vi.spyOn(Setting.prototype, "setName");
	tab.containerEl.empty();
	tab.display();
	const latest = (name: string): Setting => {
		for (let i = spy.mock.calls.length - 1; i >= 0; i--) {
			const setting = spy.mock.contexts[i] as Setting | undefined;
			if (spy.mock.calls[i]?.[0] === name && setting && tab.containerEl.contains(setting.settingEl)) return setting;
		}
		throw new Error(`no setting "${name}"`);
	};
	return {
		definitions: [],
		names: () =>
			Array.from(tab.containerEl.children)
				.filter((el) => el.tagName !== "P")
				.map((el) => el.children[1]?.children[0]?.textContent ?? ""),
		set: async (name, input) => {
			componentOf(latest(name)).setValue(input);
			await h.settle();
		},
		says: (name) => says(latest(name)),
		text: () => tab.containerEl.textContent ?? "",
	};
}
