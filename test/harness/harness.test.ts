import type { CachedMetadata, TAbstractFile, TFile } from "obsidian";
import { afterEach, describe, expect, it } from "vitest";
import { type Harness, loadPlugin } from "./plugin-harness";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
});

describe("test harness covers the mock's gaps", () => {
	it("loads a vault holding a note with invalid YAML", async () => {
		harness = await loadPlugin({ files: { "bad.md": "---\nk: [x\n---\n", "A/ok.md": "---\nk: 1\n---\n" } });
		expect(harness.app.metadataCache.getCache("bad.md")?.frontmatter).toBeUndefined();
		expect(harness.app.metadataCache.getCache("A/ok.md")?.frontmatter?.["k"]).toBe(1);
	});

	it("keeps a note with invalid YAML, without frontmatter", async () => {
		harness = await loadPlugin();
		const { app } = harness;
		const file = await app.vault.create("bad.md", "---\ntitle: [unclosed\n---\nbody");
		await harness.settle();
		expect(app.vault.getFileByPath("bad.md")).not.toBeNull();
		expect(app.metadataCache.getFileCache(file)?.frontmatter).toBeUndefined();
	});

	it("hands out each parsed entry as Obsidian's worker does: one copy, in the cache and in `changed`", async () => {
		harness = await loadPlugin();
		const { app } = harness;
		const given: unknown[] = [];
		app.metadataCache.on("changed", (_file: TFile, _data: string, cache: CachedMetadata) => {
			given.push(cache);
		});
		const file = await app.vault.create("n.md", "---\ntitle: Flask\ntags: [web, micro]\nstars: 3\n---\nbody");
		await harness.settle();
		const cached = app.metadataCache.getFileCache(file);
		expect(cached?.frontmatter).toEqual({ title: "Flask", tags: ["web", "micro"], stars: 3 });
		expect(given).toHaveLength(1);
		expect(given[0]).toBe(cached);
	});

	it("delivers `changed` after the write, then `resolved`", async () => {
		harness = await loadPlugin();
		const { app } = harness;
		const seen: string[] = [];
		app.metadataCache.on("changed", (file: TFile, _data: string, cache: CachedMetadata) => {
			seen.push(`changed:${file.path}:${String(cache.frontmatter?.["x"])}`);
		});
		app.metadataCache.on("resolved", () => {
			seen.push("resolved");
		});
		await app.vault.create("a.md", "---\nx: 1\n---\n");
		expect(seen).toEqual([]);
		await harness.settle();
		expect(seen).toEqual(["changed:a.md:1", "resolved"]);
	});

	it("moves cache entries with renamed folders and drops deleted ones", async () => {
		harness = await loadPlugin({ files: { "A/n.md": "---\nx: 2\n---\n" } });
		const { app } = harness;
		await app.vault.rename(app.vault.getFolderByPath("A")!, "B");
		expect(app.metadataCache.getCache("B/n.md")?.frontmatter?.["x"]).toBe(2);
		expect(app.metadataCache.getCache("A/n.md")).toBeNull();
		await app.vault.delete(app.vault.getFileByPath("B/n.md")!);
		expect(app.metadataCache.getCache("B/n.md")).toBeNull();
	});

	it("gives files real times and sizes", async () => {
		harness = await loadPlugin();
		const file = await harness.app.vault.create("t.md", "hello");
		expect(file.stat.mtime).toBeGreaterThan(0);
		expect(file.stat.size).toBe(5);
	});

	it("resolves duplicate names the way Obsidian does", async () => {
		harness = await loadPlugin({ files: { "x/Note.md": "", "y/z/Note.md": "", "y/Other.md": "" } });
		const mc = harness.app.metadataCache;
		expect(mc.getFirstLinkpathDest("Note", "y/z/here.md")?.path).toBe("y/z/Note.md");
		expect(mc.getFirstLinkpathDest("Note", "elsewhere.md")?.path).toBe("x/Note.md");
		expect(mc.getFirstLinkpathDest("z/Note", "elsewhere.md")?.path).toBe("y/z/Note.md");
		expect(mc.getFirstLinkpathDest("../Other", "y/z/here.md")?.path).toBe("y/Other.md");
		expect(mc.getFirstLinkpathDest("note", "x/a.md")?.path).toBe("x/Note.md");
	});

	it("generates links per the vault's link settings", async () => {
		harness = await loadPlugin({ files: { "x/Note.md": "", "y/Note.md": "", "y/Solo.md": "" }, config: { newLinkFormat: "shortest" } });
		const fm = harness.app.fileManager;
		expect(fm.generateMarkdownLink(harness.file("y/Solo.md"), "x/a.md")).toBe("[[Solo]]");
		expect(fm.generateMarkdownLink(harness.file("y/Note.md"), "x/a.md")).toBe("[[y/Note]]");
		expect(fm.generateMarkdownLink(harness.file("y/Solo.md"), "x/a.md", undefined, "S")).toBe("[[Solo|S]]");
	});

	it("reports every file inside a renamed folder as renamed too", async () => {
		harness = await loadPlugin({ files: { "A/x.md": "", "A/S/y.md": "" } });
		const { app } = harness;
		const seen: string[] = [];
		app.vault.on("rename", (file: TAbstractFile, oldPath: string) => {
			seen.push(`${oldPath}->${file.path}`);
		});
		await app.vault.rename(app.vault.getFolderByPath("A")!, "B");
		// Not in the task of the rename (gap 11): the cache has followed, the events come after.
		expect(seen).toEqual([]);
		expect(app.metadataCache.getCache("B/x.md")).not.toBeNull();
		await harness.settle();
		expect(seen[0]).toBe("A->B");
		expect(seen.sort()).toEqual(["A->B", "A/S->B/S", "A/S/y.md->B/S/y.md", "A/x.md->B/x.md"]);
	});
});
