/**
 * The index feature inside the plugin (obsidian-test-mocks through the lead's harness): bursts of
 * vault events write each affected index exactly once, unaffected ones not at all, and nothing the
 * feature does not own is touched.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Editor } from "obsidian-test-mocks/obsidian";
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { DEFAULT_SETTINGS, withSection, type IndexSettings } from "../src/shared/core/settings";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { indexService, settleIndexService } from "./harness/index-service";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
});

async function load(files: Record<string, string>, index: Partial<IndexSettings> = {}): Promise<Harness> {
	const data = Object.keys(index).length > 0 ? withSection(DEFAULT_SETTINGS, "index", index) : undefined;
	harness = await loadPlugin({ files, data });
	await settle(harness);
	return harness;
}

const settle = settleIndexService;
const service = indexService;

/** Counts `vault.process` calls per path from now on (the feature writes only through it). */
function spyWrites(h: Harness): { counts(): Record<string, number>; modify: MockInstance } {
	const process = vi.spyOn(h.app.vault, "process");
	const modify = vi.spyOn(h.app.vault, "modify");
	return {
		counts: () => {
			const out: Record<string, number> = {};
			for (const call of process.mock.calls) {
				const path = call[0].path;
				out[path] = (out[path] ?? 0) + 1;
			}
			return out;
		},
		modify,
	};
}

/** The lines between the Begin and End markers. */
function blockOf(text: string): string[] {
	const lines = text.split(/\r?\n/);
	const begin = lines.findIndex((l) => l.includes("%% Begin Waypoint %%") || l.includes("%% Begin Landmark %%"));
	const end = lines.findIndex((l, i) => i > begin && (l.includes("%% End Waypoint %%") || l.includes("%% End Landmark %%")));
	if (begin < 0 || end < 0) throw new Error(`no block in:\n${text}`);
	return lines.slice(begin + 1, end).filter((l) => l.trim() !== "");
}

/**
 * The link targets of one block line, parsed the way Obsidian reads them: a wikilink's target
 * ends at the first `|` or `]]` and `#` starts a heading; a markdown link's target is its URL
 * (`<…>` or percent-encoded) without `#…`.
 */
function linkTargets(line: string): string[] {
	const out: string[] = [];
	const wiki = /\[\[([^\]|]*?)(?:\|.*?)?\]\]/g;
	for (const m of line.matchAll(wiki)) out.push((m[1] ?? "").split("#")[0] ?? "");
	const withoutWiki = line.replace(wiki, "");
	const md = /\[(?:\\.|[^\]\\])*\]\((<[^>]*>|[^)\s]*)\)/g;
	for (const m of withoutWiki.matchAll(md)) {
		let url = m[1] ?? "";
		if (url.startsWith("<")) url = url.slice(1, -1);
		url = url.split("#")[0] ?? "";
		out.push(decodeURIComponent(url));
	}
	return out;
}

function resolvedTargets(h: Harness, notePath: string, text: string): string[] {
	const out: string[] = [];
	for (const line of blockOf(text)) {
		for (const target of linkTargets(line)) {
			const dest = h.app.metadataCache.getFirstLinkpathDest(target, notePath);
			out.push(dest ? dest.path : `UNRESOLVED:${target}`);
		}
	}
	return out;
}

const FLAG = "%% Waypoint %%";

/** The mock's Editor is declared abstract but implements everything. */
class TestEditor extends Editor {}

describe("start-up reconciliation", () => {
	it("expands a flag in a folder note and a second refresh writes nothing", async () => {
		const h = await load({ "P/P.md": `# P\n${FLAG}\nFooter`, "P/b.md": "", "P/a.md": "" });
		expect(await h.read("P/P.md")).toBe("# P\n%% Begin Waypoint %%\n- [[a]]\n- [[b]]\n\n%% End Waypoint %%\nFooter");
		const writes = spyWrites(h);
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(writes.counts()).toEqual({});
	});

	it("repairs the seed's malformed block on first refresh; the second writes nothing", async () => {
		const seed = readFileSync("/work/shared/seeds/000_bfe0aabb255feace.txt", "utf8");
		const h = await load({
			"WEBFramework/NOtes/NOtes.md": seed,
			"WEBFramework/NOtes/comparison.md": "# Comparison",
			"WEBFramework/NOtes/Django.md": "# Django",
			"WEBFramework/NOtes/Flask.md": "# Flask",
		});
		const text = await h.read("WEBFramework/NOtes/NOtes.md");
		expect(text).not.toContain("]]]]");
		expect(blockOf(text)).toEqual(["- [[comparison]]", "- [[Django]]", "- [[Flask]]"]);
		// Everything outside the block is kept byte for byte.
		const after = seed.slice(seed.indexOf("%% End Waypoint %%"));
		expect(text.endsWith(after)).toBe(true);
		expect(text.startsWith("# NOtes\n\n%% Begin Waypoint %%\n")).toBe(true);
		expect(resolvedTargets(h, "WEBFramework/NOtes/NOtes.md", text)).toEqual([
			"WEBFramework/NOtes/comparison.md",
			"WEBFramework/NOtes/Django.md",
			"WEBFramework/NOtes/Flask.md",
		]);
		const writes = spyWrites(h);
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(writes.counts()).toEqual({});
	});

	it("refreshes the example vault's folder note: every framework note listed, no malformed link", async () => {
		const root = join(process.cwd(), "examples/vault");
		const files: Record<string, string> = {};
		const walk = (dir: string): void => {
			for (const name of readdirSync(dir)) {
				const full = join(dir, name);
				if (name.startsWith(".")) continue;
				if (statSync(full).isDirectory()) walk(full);
				else files[relative(root, full).split("\\").join("/")] = readFileSync(full, "utf8");
			}
		};
		walk(root);
		const h = await load(files);
		const path = "WEBFramework/NOtes/NOtes.md";
		const text = await h.read(path);
		expect(text).not.toContain("]]]]");
		const siblings = Object.keys(files)
			.filter((p) => p.startsWith("WEBFramework/NOtes/") && p !== path && p.endsWith(".md"))
			.sort();
		expect([...resolvedTargets(h, path, text)].sort()).toEqual(siblings);
		const writes = spyWrites(h);
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(writes.counts()).toEqual({});
	});

	it("shows its progress when reconciling more than 500 index notes", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 510; i++) files[`F${i}/F${i}.md`] = `${FLAG}\n`;
		const h = await load(files);
		const shown = { messages: (): string[] => h.notices() };
		expect(shown.messages()).toContain("Refreshing index notes: 100 of 510");
		expect(shown.messages()).toContain("Index notes refreshed: 510 of 510 updated");
		expect(await h.read("F509/F509.md")).toBe("%% Begin Waypoint %%\n\n\n%% End Waypoint %%\n");
	});

	it("reports an unmatched Begin marker naming the note, writes nothing, and does not repeat the notice", async () => {
		const broken = "# U\n%% Begin Waypoint %%\n- [[a]]\n";
		const h = await load({ "U/U.md": broken, "U/a.md": "" });
		const shown = { messages: (): string[] => h.notices() };
		expect(await h.read("U/U.md")).toBe(broken);
		expect(shown.messages().filter((m) => m.includes("U/U.md"))).toHaveLength(1);
		const writes = spyWrites(h);
		await h.app.vault.create("U/b.md", "");
		await settle(h);
		expect(writes.counts()).toEqual({});
		expect(await h.read("U/U.md")).toBe(broken);
		expect(shown.messages().filter((m) => m.includes("U/U.md"))).toHaveLength(1);
	});
});

/** A vault with three indexes: A (holding B's index below it) and C, unrelated. */
function threeIndexes(): Record<string, string> {
	return {
		"A/A.md": `# A\n${FLAG}\n`,
		"A/a1.md": "",
		"A/B/B.md": `# B\n${FLAG}\n`,
		"A/B/b1.md": "",
		"A/B/b2.md": "",
		"C/C.md": `# C\n${FLAG}\n`,
		"C/c1.md": "",
	};
}

describe("bursts", () => {
	it("a burst of creates in one folder writes that folder's index once and nothing else", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		for (let i = 0; i < 20; i++) await h.app.vault.create(`A/B/new ${i}.md`, "");
		await settle(h);
		expect(writes.counts()).toEqual({ "A/B/B.md": 1 });
		const lines = blockOf(await h.read("A/B/B.md"));
		expect(lines).toContain("- [[new 0]]");
		expect(lines).toContain("- [[new 19]]");
		// A's index lists B's folder note only (B holds its own index): unchanged, not written.
		expect(blockOf(await h.read("A/A.md"))).toEqual(["- **[[B]]**", "- [[a1]]"]);
	});

	it("waits for the vault to be quiet, yet applies a burst that never pauses", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		const delay = DEFAULT_SETTINGS.index.debounceMs;
		await h.app.vault.create("A/B/first.md", "");
		// Less than the debounce later, another event: nothing is written yet.
		await vi.advanceTimersByTimeAsync(delay / 2);
		await h.app.vault.create("A/B/second.md", "");
		await vi.advanceTimersByTimeAsync(delay / 2);
		expect(writes.counts()).toEqual({});
		// Events that never stop (every half debounce): the burst is still applied, before they end.
		for (let i = 0; i < 40 && Object.keys(writes.counts()).length === 0; i++) {
			await h.app.vault.create(`A/B/busy ${i}.md`, "");
			await vi.advanceTimersByTimeAsync(delay / 2);
			await service(h).idle();
		}
		expect(writes.counts()).toEqual({ "A/B/B.md": 1 });
		expect(blockOf(await h.read("A/B/B.md"))).toContain("- [[second]]");
	});

	it("a rename inside one folder and a move between folders write each affected index once", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		await h.app.vault.rename(h.file("A/B/b1.md"), "A/B/renamed.md");
		await h.app.vault.rename(h.file("A/B/b2.md"), "C/moved.md");
		await settle(h);
		expect(writes.counts()).toEqual({ "A/B/B.md": 1, "C/C.md": 1 });
		expect(blockOf(await h.read("A/B/B.md"))).toEqual(["- [[renamed]]"]);
		expect(blockOf(await h.read("C/C.md"))).toEqual(["- [[c1]]", "- [[moved]]"]);
	});

	it("moving a folder of 200 notes writes the old and the new parent index once each", async () => {
		const files: Record<string, string> = {
			"Src/Src.md": `${FLAG}\n`,
			"Src/keep.md": "",
			"Dst/Dst.md": `${FLAG}\n`,
			"Other/Other.md": `${FLAG}\n`,
			"Other/o.md": "",
		};
		for (let i = 0; i < 200; i++) files[`Src/Big/n${String(i).padStart(3, "0")}.md`] = "";
		const h = await load(files);
		expect(blockOf(await h.read("Src/Src.md"))).toHaveLength(202);
		const writes = spyWrites(h);
		const folder = h.app.vault.getFolderByPath("Src/Big");
		if (!folder) throw new Error("no folder");
		// Obsidian also reports every descendant as renamed (the harness replays those 200 events).
		await h.app.vault.rename(folder, "Dst/Big");
		await settle(h);
		expect(writes.counts()).toEqual({ "Src/Src.md": 1, "Dst/Dst.md": 1 });
		expect(blockOf(await h.read("Src/Src.md"))).toEqual(["- [[keep]]"]);
		const dst = blockOf(await h.read("Dst/Dst.md"));
		expect(dst[0]).toBe("- **Big**");
		expect(dst).toHaveLength(201);
	});

	it("a burst of deletes in two folders writes each of their indexes once", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		await h.app.vault.delete(h.file("A/B/b1.md"));
		await h.app.vault.delete(h.file("A/B/b2.md"));
		await h.app.vault.delete(h.file("C/c1.md"));
		await settle(h);
		expect(writes.counts()).toEqual({ "A/B/B.md": 1, "C/C.md": 1 });
		expect(blockOf(await h.read("A/B/B.md"))).toEqual([]);
	});

	it("a plugin write does not trigger another write, even when its modify event is replayed", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		await h.app.vault.create("C/c2.md", "");
		await settle(h);
		expect(writes.counts()).toEqual({ "C/C.md": 1 });
		h.app.vault.trigger("modify", h.file("C/C.md"));
		await settle(h);
		expect(writes.counts()).toEqual({ "C/C.md": 1 });
	});

	it("a flag typed into a folder note is expanded; the rest of the note is kept", async () => {
		const h = await load({ "T/T.md": "# T\nintro\n", "T/x.md": "" });
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("T/T.md"), `# T\nintro\n${FLAG}\nmore`);
		await settle(h);
		expect(writes.counts()).toEqual({ "T/T.md": 1 });
		expect(await h.read("T/T.md")).toBe("# T\nintro\n%% Begin Waypoint %%\n- [[x]]\n\n%% End Waypoint %%\nmore");
	});

	it("an edited block is restored by one write", async () => {
		const h = await load(threeIndexes());
		const writes = spyWrites(h);
		const before = await h.read("C/C.md");
		await h.app.vault.modify(h.file("C/C.md"), before.replace("- [[c1]]\n", "- [[c1]]\n- [[junk]]\n"));
		await settle(h);
		expect(writes.counts()).toEqual({ "C/C.md": 1 });
		expect(await h.read("C/C.md")).toBe(before);
	});
});

describe("notes the feature does not own", () => {
	it("never edits a note in the templates folder or a .canvas file holding a flag", async () => {
		const canvas = `{"nodes":[{"type":"text","text":"${FLAG}"}]}`;
		const h = await load({
			".obsidian/templates.json": JSON.stringify({ folder: "Templates" }),
			"Templates/Templates.md": `${FLAG}\n`,
			"Templates/Folder.md": `# {{title}}\n${FLAG}\n`,
			"Templates/x.md": "",
			"Board/Board.md": "no flag here",
			"Board/Board.canvas": canvas,
			"Board/x.canvas": canvas,
		});
		const writes = spyWrites(h);
		// Edits and creates around them: still untouched.
		await h.app.vault.modify(h.file("Templates/Folder.md"), `# {{title}}\n${FLAG}\nmore\n`);
		await h.app.vault.modify(h.file("Board/x.canvas"), canvas + " ");
		await h.app.vault.create("Templates/y.md", FLAG);
		await settle(h);
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(writes.counts()).toEqual({});
		expect(await h.read("Templates/Templates.md")).toBe(`${FLAG}\n`);
		expect(await h.read("Board/Board.canvas")).toBe(canvas);
	});
});

describe("links that resolve", () => {
	const names = ["a [b]", "pipe | x", "hash #1", "caret ^2", "tick `code`", " lead", "trail ", "plain"];

	for (const linkFormat of ["waypoint", "obsidian"] as const) {
		it(`names with [ ] | # ^ backticks and edge spaces, and a [[x]] title, resolve (${linkFormat} format)`, async () => {
			const files: Record<string, string> = { "Odd/Odd.md": `${FLAG}\n`, "x.md": "" };
			for (const name of names) files[`Odd/${name}.md`] = "";
			files["Odd/titled.md"] = '---\ntitle: "[[x]]"\n---\nbody';
			const h = await load(files, { useTitleProperty: true, linkFormat });
			const text = await h.read("Odd/Odd.md");
			const resolved = resolvedTargets(h, "Odd/Odd.md", text).sort();
			const expected = [...names.map((n) => `Odd/${n}.md`), "Odd/titled.md"].sort();
			expect(resolved).toEqual(expected);
		});
	}
});

describe("duplicate names", () => {
	// "relative" is left out: the harness generates `[[README]]` for a same-folder note but resolves
	// that link to the root README.md (exact path first), so the pair disagrees with itself there.
	for (const newLinkFormat of ["shortest", "absolute"]) {
		it(`with Obsidian's link format (${newLinkFormat}) each link opens its own note`, async () => {
			const files = {
				"D/D.md": `${FLAG}\n`,
				"D/README.md": "",
				"D/sub/README.md": "",
				"D/other/deeper/README.md": "",
				"README.md": "",
			};
			const data = withSection(DEFAULT_SETTINGS, "index", { linkFormat: "obsidian" });
			harness = await loadPlugin({ files, data, config: { newLinkFormat } });
			const h = harness;
			await settle(h);
			const text = await h.read("D/D.md");
			expect(resolvedTargets(h, "D/D.md", text).sort()).toEqual(["D/README.md", "D/other/deeper/README.md", "D/sub/README.md"]);
		});
	}

	it("with Waypoint's format a shared name is written as the shortest path that opens the right note", async () => {
		const h = await load({ "D/D.md": `${FLAG}\n`, "D/sub/README.md": "", "README.md": "" });
		const text = await h.read("D/D.md");
		expect(blockOf(text)).toEqual(["- **sub**", "\t- [[sub/README]]"]);
		expect(resolvedTargets(h, "D/D.md", text)).toEqual(["D/sub/README.md"]);
	});
});

describe("frontmatter and settings", () => {
	it("a changed title rewrites the parent index once; a body edit rewrites nothing", async () => {
		const h = await load({ "F/F.md": `${FLAG}\n`, "F/n.md": "---\ntitle: One\n---\nbody" }, { useTitleProperty: true });
		expect(blockOf(await h.read("F/F.md"))).toEqual(["- [[n|One]]"]);
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("F/n.md"), "---\ntitle: One\n---\nbody edited");
		await settle(h);
		expect(writes.counts()).toEqual({});
		await h.app.vault.modify(h.file("F/n.md"), "---\ntitle: Two\n---\nbody edited");
		await settle(h);
		expect(writes.counts()).toEqual({ "F/F.md": 1 });
		expect(blockOf(await h.read("F/F.md"))).toEqual(["- [[n|Two]]"]);
	});

	it("at start-up, waits for Obsidian to index the notes before reconciling (no write without titles)", async () => {
		const files = { "F/F.md": `${FLAG}\n`, "F/n.md": "---\ntitle: One\n---\nbody" };
		harness = await loadPlugin({ files, data: withSection(DEFAULT_SETTINGS, "index", { useTitleProperty: true }), layoutReady: false });
		const h = harness;
		const writes = spyWrites(h);
		const cache = (h.app.metadataCache as unknown as { cache__: Map<string, unknown> }).cache__;
		const entry = cache.get("F/n.md");
		cache.delete("F/n.md"); // not indexed yet
		h.mock.workspace.setLayoutReady__();
		for (let i = 0; i < 20; i++) await Promise.resolve();
		expect(writes.counts()).toEqual({});
		cache.set("F/n.md", entry);
		h.app.metadataCache.trigger("resolved");
		await settle(h);
		expect(writes.counts()).toEqual({ "F/F.md": 1 });
		expect(blockOf(await h.read("F/F.md"))).toEqual(["- [[n|One]]"]);
	});

	it("a settings change refreshes every index once", async () => {
		const h = await load({ ...threeIndexes(), "A/B/Deep/d.md": "" });
		const writes = spyWrites(h);
		await h.plugin.updateSettings(withSection(h.plugin.settings, "index", { useSpaces: true, numSpaces: 2 }));
		await settle(h);
		expect(writes.counts()).toEqual({ "A/B/B.md": 1 });
		expect(blockOf(await h.read("A/B/B.md"))).toContain("  - [[d]]");
	});
});

describe("commands", () => {
	it("Refresh all index notes reports how many it updated", async () => {
		const h = await load(threeIndexes());
		const shown = { messages: (): string[] => h.notices() };
		await h.app.vault.modify(h.file("C/C.md"), `# C\n${FLAG}\n`); // back to a bare flag
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		expect(shown.messages()).toContain("Updated 1 of 3 index notes");
	});

	it("Insert index block here expands the block at the cursor in one transaction", async () => {
		const h = await load({ "I/I.md": "# I\n\nafter", "I/z.md": "" });
		const editor = new TestEditor();
		editor.setValue("# I\n\nafter");
		editor.setCursor({ line: 1, ch: 0 });
		const transaction = vi.spyOn(editor, "transaction");
		h.command("insert-index-block").editorCallback?.(editor.asOriginalType__(), { file: h.file("I/I.md") } as never);
		expect(transaction).toHaveBeenCalledTimes(1);
		expect(editor.getValue()).toBe("# I\n%% Begin Waypoint %%\n- [[z]]\n\n%% End Waypoint %%\nafter");
	});

	it("Insert index block here explains when the note is not a folder note", async () => {
		const h = await load({ "I/I.md": "# I", "I/z.md": "text" });
		const shown = { messages: (): string[] => h.notices() };
		const editor = new TestEditor();
		editor.setValue("text");
		const transaction = vi.spyOn(editor, "transaction");
		h.command("insert-index-block").editorCallback?.(editor.asOriginalType__(), { file: h.file("I/z.md") } as never);
		expect(transaction).not.toHaveBeenCalled();
		expect(shown.messages().some((m) => m.includes("I/I.md"))).toBe(true);
	});

	it("Go to parent index finds the nearest folder note holding an index", async () => {
		const { parentIndexOf } = await import("../src/index-notes/commands/go-to-parent-index");
		const h = await load({ ...threeIndexes(), "A/B/Deep/d.md": "", "Plain/Plain.md": "no index", "Plain/p.md": "" });
		const s = service(h);
		expect(await parentIndexOf("A/B/Deep/d.md", s)).toBe("A/B/B.md");
		expect(await parentIndexOf("A/B/B.md", s)).toBe("A/A.md");
		expect(await parentIndexOf("Plain/p.md", s)).toBeNull();
	});
});
