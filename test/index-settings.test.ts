/**
 * The "Index notes" settings section: sentence-case names, every index setting present, and
 * values that could damage notes (a flag that matches ordinary text, a broken pattern) refused.
 */
import { Setting } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INDEX_SETTINGS } from "../src/index-notes/settings-section";
import { INDEX_SCHEMA } from "../src/shared/core/settings-schema";
import { renderSection } from "../src/shared/settings-classic";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
});

interface Rendered {
	readonly names: string[];
	/** The first component of the setting with this name (text, toggle, dropdown…). */
	control(name: string): { setValue(value: unknown): unknown };
	desc(name: string): string;
}

async function render(): Promise<{ h: Harness; ui: Rendered }> {
	harness = await loadPlugin({ files: {} });
	const h = harness;
	const byName = new Map<string, Setting>();
	const spy = vi.spyOn(Setting.prototype, "setName");
	const container = createDiv();
	renderSection(container, h.plugin, INDEX_SETTINGS, () => undefined);
	spy.mock.calls.forEach((call, i) => {
		const name = call[0];
		const instance = spy.mock.contexts[i] as Setting | undefined;
		if (typeof name === "string" && instance) byName.set(name, instance);
	});
	const setting = (name: string): Setting => {
		const found = byName.get(name);
		if (!found) throw new Error(`no setting "${name}"`);
		return found;
	};
	return {
		h,
		ui: {
			names: [...byName.keys()],
			control: (name) =>
				(setting(name) as unknown as { components: { setValue(v: unknown): unknown }[] }).components[0] ?? {
					setValue: () => undefined,
				},
			desc: (name) => setting(name).descEl.textContent ?? "",
		},
	};
}

describe("index settings section", () => {
	it("lists the Waypoint-parity settings and the new ones, in sentence case", async () => {
		const { ui } = await render();
		for (const name of [
			"Index notes",
			"Folder note style",
			"Show folder notes",
			"Show non-markdown files",
			"Show enclosing note",
			"Folders on top",
			"Stop scan at folder notes",
			"Use title property",
			"Indent with spaces",
			"Waypoint flag",
			"Landmark flag",
			"Ignored paths",
			"Link style",
			"Link format",
			"Sort by",
			"Sort direction",
			"Maximum depth",
			"Ignore sync conflict copies",
		]) {
			expect(ui.names).toContain(name);
		}
		for (const name of ui.names) expect(name).toMatch(/^[A-Z][^A-Z]*$/);
	});

	it("refuses a flag that could match ordinary text, and saves a good one", async () => {
		const { h, ui } = await render();
		const before = h.plugin.settings.index.waypointFlag;
		for (const bad of ["%", "Waypoint", "%% %%", "%% Begin Waypoint %%", "%% Landmark %%"]) {
			ui.control("Waypoint flag").setValue(bad);
			await h.settle();
			expect(h.plugin.settings.index.waypointFlag).toBe(before);
			expect(ui.desc("Waypoint flag")).not.toBe("Type this on its own line in a folder note to get an index there.");
		}
		ui.control("Waypoint flag").setValue("%% Index %%");
		await h.settle();
		expect(h.plugin.settings.index.waypointFlag).toBe("%% Index %%");
	});

	it("refuses an ignore entry that is not a valid pattern", async () => {
		const { h, ui } = await render();
		ui.control("Ignored paths").setValue("_attachments\n(unclosed");
		await h.settle();
		expect(h.plugin.settings.index.ignorePaths).toEqual(["_attachments"]);
		ui.control("Ignored paths").setValue("_attachments\nArchive/");
		await h.settle();
		expect(h.plugin.settings.index.ignorePaths).toEqual(["_attachments", "Archive/"]);
	});

	it("saves a toggle and a dropdown", async () => {
		const { h, ui } = await render();
		ui.control("Folders on top").setValue(false);
		ui.control("Link format").setValue("obsidian");
		await h.settle();
		expect(h.plugin.settings.index.foldersOnTop).toBe(false);
		expect(h.plugin.settings.index.linkFormat).toBe("obsidian");
	});
});

describe("index settings limits come from the settings schema", () => {
	it("describes and checks the maximum depth and the update delay with the schema's bounds", async () => {
		const { h, ui } = await render();
		const depth = INDEX_SCHEMA.maxDepth;
		expect(ui.desc("Maximum depth")).toContain(`between ${depth.min} and ${depth.max}`);
		expect(ui.desc("Update delay")).toContain(`between ${INDEX_SCHEMA.debounceMs.min} and ${INDEX_SCHEMA.debounceMs.max}`);
		ui.control("Maximum depth").setValue(String(depth.max + 1));
		await h.settle();
		expect(ui.desc("Maximum depth")).toBe(`Enter a whole number between ${depth.min} and ${depth.max}.`);
		expect(h.plugin.settings.index.maxDepth).toBe(0);
		ui.control("Maximum depth").setValue(String(depth.max));
		await h.settle();
		expect(h.plugin.settings.index.maxDepth).toBe(depth.max);
	});

	it("limits text inputs to the schema's length", async () => {
		const { ui } = await render();
		const input = (ui.control("Waypoint flag") as unknown as { inputEl: HTMLInputElement }).inputEl;
		expect(input.maxLength).toBe(INDEX_SCHEMA.waypointFlag.maxLength);
	});
});
