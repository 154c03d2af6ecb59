/**
 * The settings tab on both paths: Obsidian 1.13+ draws it from `getSettingDefinitions()` (and its
 * settings search finds every setting), older apps call `display()`. Both show the same settings
 * and store the same `data.json` for the same input, refused inputs included.
 */
import type { SettingControl, SettingDefinitionItem, SettingGroupItem } from "obsidian";
import { SecretComponent } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, type Settings, SETTINGS_VERSION, withSection } from "../src/shared/core/settings";
import { SECTION_NAMES, SETTINGS_SCHEMA } from "../src/shared/core/settings-schema";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { openSettings, settingsTab, type SettingsPath } from "./harness/settings-tab";
import { storeSecret } from "./harness/secrets";

const harnesses: Harness[] = [];
afterEach(() => {
	for (const h of harnesses.splice(0)) h.unload();
	vi.restoreAllMocks();
});

async function load(data: unknown = structuredClone(DEFAULT_SETTINGS)): Promise<Harness> {
	const h = await loadPlugin({ data });
	harnesses.push(h);
	return h;
}

function dataJson(h: Harness): unknown {
	return structuredClone((h.plugin as unknown as { data__: unknown }).data__);
}

/** Every control definition, with its row's name. */
function controls(items: readonly SettingDefinitionItem[]): { name: string; control: SettingControl }[] {
	const found: { name: string; control: SettingControl }[] = [];
	const visit = (item: SettingDefinitionItem | SettingGroupItem): void => {
		if ("type" in item) {
			if (item.type === "group" || item.type === "list") for (const child of item.items ?? []) visit(child);
			else for (const child of item.items ?? []) visit(child);
			return;
		}
		if (item.control) found.push({ name: item.name, control: item.control });
	};
	for (const item of items) visit(item);
	return found;
}

/** Settings under which every conditional row is shown once or another is hidden. */
const STATES: readonly [string, Settings][] = [
	["the defaults", DEFAULT_SETTINGS],
	[
		"every index option on",
		withSection(DEFAULT_SETTINGS, "index", { folderNoteStyle: "fixed", useTitleProperty: true, useSpaces: true, sortBy: "order" }),
	],
	["notes chosen by tag", withSection(DEFAULT_SETTINGS, "compare", { selectorKind: "tag" })],
	["notes chosen by folder", withSection(DEFAULT_SETTINGS, "compare", { selectorKind: "folder" })],
];

describe("the settings definitions and the classic tab", () => {
	it.each(STATES)("show the same rows, in the same order, with %s", async (_, settings) => {
		const [a, b] = [await load(structuredClone(settings)), await load(structuredClone(settings))];
		const definitions = openSettings(a, "definitions").names();
		const classic = openSettings(b, "classic").names();
		expect(definitions).toEqual(classic);
		expect(definitions).toContain("Index notes");
	});

	it("have one control for every stored setting, keyed by section, except the token's secret", async () => {
		const page = openSettings(await load(), "definitions");
		const keys = controls(page.definitions).map((c) => c.control.key);
		const stored = SECTION_NAMES.flatMap((section) => Object.keys(SETTINGS_SCHEMA[section]).map((key) => `${section}.${key}`));
		expect(new Set(keys).size).toBe(keys.length);
		expect([...keys].sort()).toEqual(stored.filter((key) => key !== "facts.githubTokenSecret").sort());
		expect(page.text()).toContain("GitHub token");
	});

	it("offer folder pickers for folders and a file picker for the template note", async () => {
		const page = openSettings(await load(), "definitions");
		const types = new Map(controls(page.definitions).map((c) => [c.control.key, c.control.type]));
		expect(types.get("templates.templateFile")).toBe("file");
		expect(types.get("templates.templatesFolder")).toBe("folder");
		expect(types.get("templates.newNoteFolder")).toBe("folder");
		expect(types.get("compare.selectorFolder")).toBe("folder");
		expect(types.get("index.numSpaces")).toBe("slider");
	});
});

type Input = string | boolean | number;
/** [row, input, settings before]: each is typed once on each path, from the same data.json. */
const CASES: readonly [string, Input, Settings?][] = [
	["Waypoint flag", "-"],
	["Waypoint flag", "%% Landmark %%"],
	["Waypoint flag", "%% Begin Waypoint %%"],
	["Waypoint flag", " %% Index %% "],
	["Comparison flag", "%% Decision %%"],
	["Comparison flag", "%% Table %%"],
	["Ignored paths", "_attachments\n(a+)+b"],
	["Ignored paths", "_attachments\n(unclosed"],
	["Ignored paths", " _attachments \n\nArchive/\n"],
	["Maximum depth", "1001"],
	["Maximum depth", "-1"],
	["Maximum depth", "2.5"],
	["Maximum depth", "7"],
	["Update delay", "60001"],
	["Update delay", "250"],
	["Number of spaces", 5, withSection(DEFAULT_SETTINGS, "index", { useSpaces: true })],
	["Folder note name", "a/b", withSection(DEFAULT_SETTINGS, "index", { folderNoteStyle: "fixed" })],
	["Folder note name", "  ", withSection(DEFAULT_SETTINGS, "index", { folderNoteStyle: "fixed" })],
	["Folder note name", " _index ", withSection(DEFAULT_SETTINGS, "index", { folderNoteStyle: "fixed" })],
	["Title property", "", withSection(DEFAULT_SETTINGS, "index", { useTitleProperty: true })],
	["Sort locale", "not a locale!"],
	["Sort locale", "de"],
	["Folder note style", "fixed"],
	["Sort by", "ctime"],
	["Folders on top", false],
	["Waypoint flag", "x".repeat(300)],
	["Tag", "#tool", withSection(DEFAULT_SETTINGS, "compare", { selectorKind: "tag" })],
	["Folder", "/Frameworks//Web/", withSection(DEFAULT_SETTINGS, "compare", { selectorKind: "folder" })],
	["Comparison note", " "],
	["Comparison note", "Notes//table.md"],
	["Open the pane", "sidebar"],
	["Template note", " Templates//Framework.md "],
	["Templates folder", "/Templates/"],
	["Date format", "  "],
	["Date format", "DD.MM.YYYY"],
	["Link outline items to their notes", true],
	["PyPI URL", "file:///etc/passwd"],
	["PyPI URL", "https://user:secret@pypi.example.org"],
	["PyPI URL", " https://pypi.example.org/mirror/ "],
	["npm registry URL", ""],
	["Network use allowed", true],
];

describe("a value typed on either path", () => {
	it.each(CASES)("%s = %j is stored the same, or refused on both", async (name, input, before = DEFAULT_SETTINGS) => {
		const results = [];
		for (const path of ["definitions", "classic"] as SettingsPath[]) {
			const h = await load(structuredClone(before));
			const page = openSettings(h, path);
			await page.set(name, input);
			// What the row says afterwards: its description, or the same sentence saying why the input was refused.
			results.push({ settings: h.plugin.settings, data: dataJson(h), says: page.says(name) });
		}
		const [definitions, classic] = results;
		expect(definitions).toEqual(classic);
	});

	it("refuses the catastrophic pattern and the dash flag, saying why", async () => {
		for (const path of ["definitions", "classic"] as SettingsPath[]) {
			const h = await load();
			const page = openSettings(h, path);
			await page.set("Ignored paths", "(a+)+b");
			expect(page.says("Ignored paths")).toContain("can take forever");
			await page.set("Waypoint flag", "-");
			expect(page.says("Waypoint flag")).toBe("The flag must look like %% Word %%.");
			expect(h.plugin.settings).toEqual(DEFAULT_SETTINGS);
			expect(dataJson(h)).toEqual(DEFAULT_SETTINGS);
		}
	});
});

describe("the 1.13 settings tab", () => {
	it("shows a row when the setting it depends on changes, and hides it again", async () => {
		const h = await load();
		const page = openSettings(h, "definitions");
		expect(page.names()).not.toContain("Folder note name");
		await page.set("Folder note style", "fixed");
		expect(page.names()).toContain("Folder note name");
		await page.set("Folder note name", "_index");
		expect(h.plugin.settings.index).toMatchObject({ folderNoteStyle: "fixed", folderNoteName: "_index" });
		await page.set("Folder note style", "inside");
		expect(page.names()).not.toContain("Folder note name");
	});

	it("reads and writes nested settings by `<section>.<key>`, and never saves a refused value", async () => {
		const h = await load();
		const tab = settingsTab(h);
		expect(tab.getControlValue("index.ignorePaths")).toBe("_attachments");
		expect(tab.getControlValue("compare.selectorKind")).toBe("property");
		expect(tab.getControlValue("ignorePaths")).toBeUndefined();
		expect(tab.getControlValue("facts.githubTokenSecret")).toBeUndefined();
		await tab.setControlValue("index.waypointFlag", "-");
		await tab.setControlValue("index.numSpaces", 99);
		await tab.setControlValue("facts.githubTokenSecret", "not-a-control");
		expect(h.plugin.settings).toEqual(DEFAULT_SETTINGS);
		await tab.setControlValue("index.numSpaces", 4);
		expect(h.plugin.settings.index.numSpaces).toBe(4);
		expect(dataJson(h)).toMatchObject({ index: { numSpaces: 4 } });
	});

	it("keeps a date format's example current", async () => {
		const h = await load();
		const page = openSettings(h, "definitions");
		expect(page.says("Date format")).toMatch(/Today: \d{4}-\d\d-\d\d$/);
		await page.set("Date format", "[year] YYYY");
		expect(page.says("Date format")).toMatch(/Today: year \d{4}$/);
	});

	it("says changes are not saved when a newer version wrote the settings, and saves nothing", async () => {
		const newer = { ...structuredClone(DEFAULT_SETTINGS), version: SETTINGS_VERSION + 1 };
		const h = await load(structuredClone(newer));
		const page = openSettings(h, "definitions");
		expect(page.names()).toContain("Changes are not saved");
		expect(page.text()).toContain("saved by a newer version of the plugin");
		await page.set("Folders on top", false);
		expect(h.plugin.settings.index.foldersOnTop).toBe(false);
		expect(dataJson(h)).toEqual(newer);
		const current = openSettings(await load(), "definitions");
		expect(current.names()).not.toContain("Changes are not saved");
	});

	it("keeps the GitHub token in the keychain, only the secret's name in data.json", async () => {
		const h = await load();
		storeSecret(h.app, "github-token", "ghp_not_in_data_json");
		const changes: ((name: string) => Promise<void>)[] = [];
		vi.spyOn(SecretComponent.prototype, "onChange").mockImplementation(function (this: SecretComponent, cb) {
			changes.push(cb as (name: string) => Promise<void>);
			return this;
		});
		const page = openSettings(h, "definitions");
		expect(page.says("GitHub token")).toContain("keychain");
		expect(changes).toHaveLength(1);
		await changes[0]?.("github-token");
		expect(h.plugin.settings.facts.githubTokenSecret).toBe("github-token");
		expect(JSON.stringify(dataJson(h))).toContain("github-token");
		expect(JSON.stringify(dataJson(h))).not.toContain("ghp_not_in_data_json");
	});
});
