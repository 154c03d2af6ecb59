import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../src/shared/core/settings";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
});

describe("plugin lifecycle", () => {
	it("loads, reaches layout-ready and releases every listener it registered on unload", async () => {
		harness = await loadPlugin({ files: { "Notes/Notes.md": "# Notes\n%% Waypoint %%\n", "Notes/a.md": "a" } });
		const { plugin } = harness;
		expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
		// Every feature registers something once the layout is ready.
		expect(harness.listenerCount()).toBeGreaterThan(harness.baselineListenerCount);
		harness.unload();
		expect(harness.listenerCount()).toBe(harness.baselineListenerCount);
		harness = null;
	});

	it("rewrites damaged settings once and keeps good ones", async () => {
		harness = await loadPlugin({ data: { version: 1, index: { numSpaces: "four", useSpaces: true }, junk: 1 } });
		expect(harness.plugin.settings.index.useSpaces).toBe(true);
		expect(harness.plugin.settings.index.numSpaces).toBe(DEFAULT_SETTINGS.index.numSpaces);
		const saved = (await harness.plugin.loadData()) as Record<string, unknown>;
		expect(saved).not.toHaveProperty("junk");
	});

	it("does not save settings on a first run", async () => {
		harness = await loadPlugin();
		expect(await harness.plugin.loadData()).toBeNull();
	});
});
