/**
 * Settings across plugin versions, through the real plugin: data of a newer version is used but
 * never saved over, keys this version does not know survive a save, and invalid values are named.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS_VERSION, withSection } from "../src/shared/core/settings";
import { cleanup, makeVault, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { openSettings } from "./harness/settings-tab";

let harness: Harness | null = null;
const dirs: string[] = [];
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
	cleanup(...dirs.splice(0));
});

describe("plugin: settings of a newer version", () => {
	const newer = { version: SETTINGS_VERSION + 1, index: { numSpaces: 4, useSpaces: true, laterSetting: "x" }, later: { a: 1 } };

	it("are used for the session, never saved, and a Notice says so once", async () => {
		harness = await loadPlugin({ data: structuredClone(newer) });
		const h = harness;
		expect(h.plugin.settings.index.numSpaces).toBe(4);
		const save = vi.spyOn(h.plugin, "saveData");
		await h.plugin.saveSettings();
		await h.plugin.updateSettings(withSection(h.plugin.settings, "index", { numSpaces: 6 }));
		await h.plugin.updateSettings(withSection(h.plugin.settings, "index", { numSpaces: 7 }));
		expect(save).not.toHaveBeenCalled();
		expect(h.plugin.settings.index.numSpaces).toBe(7);
		expect(await h.plugin.loadData()).toEqual(newer);
		expect(h.notices().filter((n) => n.includes("newer version"))).toHaveLength(1);
	});

	it.each(["definitions", "classic"] as const)("the settings tab (%s) says changes are not saved, only then", async (path) => {
		harness = await loadPlugin({ data: structuredClone(newer) });
		expect(openSettings(harness, path).text()).toContain("saved by a newer version of the plugin");
		harness.unload();
		harness = await loadPlugin({ data: structuredClone(DEFAULT_SETTINGS) });
		expect(openSettings(harness, path).text()).not.toContain("newer version");
	});
});

describe("plugin: settings of this version", () => {
	it("keep keys this version does not know when saving", async () => {
		harness = await loadPlugin({ data: { ...structuredClone(DEFAULT_SETTINGS), index: { ...DEFAULT_SETTINGS.index, extra: 1 } } });
		const h = harness;
		await h.plugin.updateSettings(withSection(h.plugin.settings, "index", { numSpaces: 5 }));
		expect(await h.plugin.loadData()).toMatchObject({ index: { numSpaces: 5 }, preserved: { "index.extra": 1 } });
	});

	it("name invalid values in a Notice, use their defaults and save the repaired settings", async () => {
		harness = await loadPlugin({ data: { version: 1, index: { numSpaces: 99 }, compare: { openIn: "window" } } });
		const h = harness;
		expect(h.plugin.settings.index.numSpaces).toBe(DEFAULT_SETTINGS.index.numSpaces);
		expect(h.notices().some((n) => n.includes("index.numSpaces") && n.includes("compare.openIn"))).toBe(true);
		expect(await h.plugin.loadData()).toMatchObject({ index: { numSpaces: DEFAULT_SETTINGS.index.numSpaces } });
	});

	it("a data.json with __proto__ keys pollutes nothing", async () => {
		const data = JSON.parse(
			'{"version":1,"__proto__":{"polluted":true},"index":{"__proto__":{"polluted":true},"useSpaces":true}}',
		) as unknown;
		harness = await loadPlugin({ data });
		const h = harness;
		expect(h.plugin.settings.index.useSpaces).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((h.plugin.settings.index as unknown as Record<string, unknown>).polluted).toBeUndefined();
		const saved = JSON.stringify(await h.plugin.loadData());
		expect(saved).toContain('"index.__proto__":{"polluted":true}');
	});
});

describe("CLI: invalid settings", () => {
	function vaultWith(data: unknown): string {
		const root = makeVault({ "A/A.md": "%% Waypoint %%", "A/x.md": "" });
		dirs.push(root);
		const plugin = path.join(root, ".obsidian", "plugins", "framework-notes");
		fs.mkdirSync(plugin, { recursive: true });
		fs.writeFileSync(path.join(plugin, "data.json"), JSON.stringify(data));
		return root;
	}

	it("names the key and the value used instead on stderr, uses the default and exits as usual", async () => {
		const root = vaultWith({ version: 1, index: { useSpaces: true, numSpaces: 0 } });
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(
			"framework-notes: .obsidian/plugins/framework-notes/data.json: index.numSpaces: 0 must be a whole number between 1 and 16; using 2",
		);
		expect(readVaultFile(root, "A/A.md")).toBe("%% Begin Waypoint %%\n- [[x]]\n\n%% End Waypoint %%");
	});

	it("reads newer-version settings with a warning and never writes data.json", async () => {
		const data = { version: SETTINGS_VERSION + 1, index: { useSpaces: true, numSpaces: 3, showEnclosingNote: true } };
		const root = vaultWith(data);
		const result = await runCli(["refresh", root]);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain("written by a newer version of the plugin");
		expect(readVaultFile(root, "A/A.md")).toBe("%% Begin Waypoint %%\n- **[[A]]**\n   - [[x]]\n\n%% End Waypoint %%");
		expect(JSON.parse(readVaultFile(root, ".obsidian/plugins/framework-notes/data.json"))).toEqual(data);
	});

	it("valid settings give no warning", async () => {
		const root = vaultWith(DEFAULT_SETTINGS);
		expect((await runCli(["refresh", root])).stderr).not.toContain("data.json");
	});
});
