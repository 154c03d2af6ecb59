/** The engine keeps links to shared names current when files appear, move or go (in-memory vault). */
import { describe, expect, it } from "vitest";
import { IndexEngine } from "../src/index-notes/core/engine";
import { DEFAULT_INDEX_SETTINGS } from "../src/shared/core/settings";
import { MemoryVault } from "./index-memory-vault";

const settings = DEFAULT_INDEX_SETTINGS;
const BLOCK = (tree: string): string => `%% Begin Waypoint %%\n${tree}\n\n%% End Waypoint %%\n`;

describe("index engine: shared names", () => {
	it("a namesake moving in or out of the vault's names rewrites the index listing the other note, once", async () => {
		const v = new MemoryVault();
		v.addFile("P/P.md", "%% Waypoint %%\n");
		v.addFile("P/Note.md", "");
		v.addFile("Q/Other.md", "");
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		expect(v.texts.get("P/P.md")).toBe(BLOCK("- [[Note]]"));

		// Renamed far away from P: only the shared name links the two.
		v.rename("Q/Other.md", "Q/note.md");
		engine.renamed("Q/note.md", "Q/Other.md");
		let report = await engine.flush();
		expect(report.written).toEqual(["P/P.md"]);
		expect(v.texts.get("P/P.md")).toBe(BLOCK("- [[P/Note]]"));

		// A folder rename changes every path below it; the shortest path may change with it.
		v.rename("Q", "R");
		engine.renamed("R", "Q");
		report = await engine.flush();
		expect(report.written).toEqual([]);

		v.delete("R/note.md");
		engine.deleted("R/note.md", false);
		report = await engine.flush();
		expect(report.written).toEqual(["P/P.md"]);
		expect(v.texts.get("P/P.md")).toBe(BLOCK("- [[Note]]"));
	});

	it("no file appearing, moving or going: the name index is not rebuilt", async () => {
		const v = new MemoryVault();
		v.addFile("P/P.md", "%% Waypoint %%\n");
		v.addFile("P/Note.md", "");
		v.addFile("Q/note.md", "");
		const engine = new IndexEngine(v.io(() => settings));
		await engine.refreshAll();
		const names = engine.context().names?.();
		v.texts.set("P/Note.md", "edited");
		engine.edited("P/Note.md");
		await engine.flush();
		expect(engine.context().names?.()).toBe(names);
	});
});
