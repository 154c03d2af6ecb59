/**
 * The plugin over an in-memory vault: shared names linked by their shortest unique path (kept
 * current when a namesake appears or goes), and misplaced flags handled by "Refresh all index
 * notes" as the CLI handles them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { errorLine } from "../src/index-notes/core/index";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { settleIndexService } from "./harness/index-service";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
});

const settle = settleIndexService;

async function load(files: Record<string, string>): Promise<Harness> {
	harness = await loadPlugin({ files });
	await settle(harness);
	return harness;
}

const BLOCK = (tree: string): string => `%% Begin Waypoint %%\n${tree}\n\n%% End Waypoint %%`;

describe("shared names in the plugin", () => {
	it("links two notes named Note by their paths, and follows a namesake appearing and going", async () => {
		const h = await load({ "P/P.md": "%% Waypoint %%", "P/Note.md": "", "Q/Note.md": "", "P/Solo.md": "" });
		expect(await h.read("P/P.md")).toBe(BLOCK("- [[P/Note]]\n- [[Solo]]"));
		const twin = await h.app.vault.create("Q/solo.md", "");
		await settle(h);
		expect(await h.read("P/P.md")).toBe(BLOCK("- [[P/Note]]\n- [[P/Solo]]"));
		await h.app.vault.delete(twin);
		await settle(h);
		expect(await h.read("P/P.md")).toBe(BLOCK("- [[P/Note]]\n- [[Solo]]"));
	});
});

describe("Refresh all index notes: misplaced flags", () => {
	it("replaces a flag in a note that is not a folder note, and in the root note, with the error comment", async () => {
		const files = {
			"Home.md": "# Home\n%% Landmark %%\n",
			"A/A.md": "%% Waypoint %%\n",
			"A/x.md": "see %% Waypoint %% here\n",
			"A/block.md": "%% Begin Waypoint %%\n- [[old]]\n\n%% End Waypoint %%\n",
		};
		const h = await load(files);
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(await h.read("A/x.md")).toBe(`see ${errorLine("waypoint", "not-folder-note")} here\n`);
		expect(await h.read("Home.md")).toBe(`# Home\n${errorLine("landmark", "root")}\n`);
		expect(await h.read("A/block.md")).toBe(files["A/block.md"]);
	});
});
