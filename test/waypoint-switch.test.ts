import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile } from "./cli-helpers";
import { runCli } from "./cli-run-helper";
import { type Harness, loadPlugin } from "./harness/plugin-harness";

const dirs: string[] = [];
let h: Harness | null = null;
afterEach(() => {
	cleanup(...dirs.splice(0));
	h?.unload();
	h = null;
});

// Waypoint's own data.json: folders listed after notes, four spaces of indentation.
const WAYPOINT_DATA = JSON.stringify({ folderNotesOnTop: false, useSpaces: true, numSpaces: 4, waypointFlag: "%% Waypoint %%" });
// The block Waypoint wrote with those settings.
const BLOCK = "%% Begin Waypoint %%\n- [[a]]\n- **Sub**\n    - [[b]]\n\n%% End Waypoint %%\n";

describe("switching from Waypoint", () => {
	it("the CLI reads Waypoint's settings when the plugin has none, so Waypoint's blocks are current", async () => {
		const root = makeVault({ "P/P.md": BLOCK, "P/a.md": "", "P/Sub/b.md": "" });
		dirs.push(root);
		fs.mkdirSync(path.join(root, ".obsidian", "plugins", "waypoint"), { recursive: true });
		fs.writeFileSync(path.join(root, ".obsidian", "plugins", "waypoint", "data.json"), WAYPOINT_DATA);
		const check = await runCli(["check", root]);
		expect(check.stderr).toContain("Every index note is current");
		expect(check.code).toBe(0);
		expect((await runCli(["refresh", root])).stdout).toBe("");
		expect(readVaultFile(root, "P/P.md")).toBe(BLOCK);
	});

	it("the CLI prefers the plugin's own settings when it has them", async () => {
		const root = makeVault({ "P/P.md": BLOCK, "P/a.md": "", "P/Sub/b.md": "" });
		dirs.push(root);
		fs.mkdirSync(path.join(root, ".obsidian", "plugins", "waypoint"), { recursive: true });
		fs.mkdirSync(path.join(root, ".obsidian", "plugins", "framework-notes"), { recursive: true });
		fs.writeFileSync(path.join(root, ".obsidian", "plugins", "waypoint", "data.json"), WAYPOINT_DATA);
		fs.writeFileSync(path.join(root, ".obsidian", "plugins", "framework-notes", "data.json"), JSON.stringify({ version: 1 }));
		expect((await runCli(["check", root])).code).toBe(1);
	});

	it("the plugin starts from Waypoint's settings on its first load and keeps them", async () => {
		h = await loadPlugin({
			files: { ".obsidian/plugins/waypoint/data.json": WAYPOINT_DATA, "P/P.md": BLOCK, "P/a.md": "", "P/Sub/b.md": "" },
		});
		expect(h.plugin.settings.index.foldersOnTop).toBe(false);
		expect(h.plugin.settings.index.numSpaces).toBe(4);
		expect(await h.read("P/P.md")).toBe(BLOCK);
	});
});
