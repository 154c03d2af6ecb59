/**
 * Settings changed outside the app (`data.json` synced from another device): Obsidian calls
 * `onExternalSettingsChange`, and the plugin uses them at once, without a restart.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, withSection } from "../src/shared/core/settings";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
});

/** Replace `data.json` behind the plugin's back, as a sync does. */
function writeDataJson(h: Harness, data: unknown): void {
	(h.plugin as unknown as { data__: unknown }).data__ = structuredClone(data);
}

async function settled(h: Harness): Promise<void> {
	for (let i = 0; i < 10; i++) await h.settle();
}

describe("settings changed on another device", () => {
	it("are used at once by every feature, and not written back", async () => {
		harness = await loadPlugin({
			files: { "A/A.md": "# A\n%% Waypoint %%\n", "A/B/b.md": "" },
			data: structuredClone(DEFAULT_SETTINGS),
		});
		const h = harness;
		await settled(h);
		expect(await h.read("A/A.md")).toContain("\t- [[b]]");
		const changes: [number, number][] = [];
		h.plugin.onSettingsChange((next, previous) => changes.push([previous.index.numSpaces, next.index.numSpaces]));
		const save = vi.spyOn(h.plugin, "saveData");

		writeDataJson(h, withSection(DEFAULT_SETTINGS, "index", { useSpaces: true, numSpaces: 3 }));
		await h.plugin.onExternalSettingsChange();
		await settled(h);

		expect(h.plugin.settings.index).toMatchObject({ useSpaces: true, numSpaces: 3 });
		expect(changes).toEqual([[2, 3]]);
		expect(await h.read("A/A.md")).toContain("\n   - [[b]]");
		expect(save).not.toHaveBeenCalled();
	});

	it("change nothing when the file holds the settings in use", async () => {
		harness = await loadPlugin({ data: structuredClone(DEFAULT_SETTINGS) });
		const h = harness;
		const changes: unknown[] = [];
		h.plugin.onSettingsChange((next) => changes.push(next));
		writeDataJson(h, DEFAULT_SETTINGS);
		await h.plugin.onExternalSettingsChange();
		expect(changes).toEqual([]);
	});

	it("that are not valid fall back to defaults, with a notice", async () => {
		harness = await loadPlugin({ data: withSection(DEFAULT_SETTINGS, "index", { numSpaces: 4 }) });
		const h = harness;
		writeDataJson(h, withSection(DEFAULT_SETTINGS, "index", { numSpaces: "many" as unknown as number }));
		await h.plugin.onExternalSettingsChange();
		expect(h.plugin.settings.index.numSpaces).toBe(DEFAULT_SETTINGS.index.numSpaces);
		expect(h.notices().some((n) => n.includes("not valid"))).toBe(true);
	});
});
