/**
 * Living blocks inside the plugin (obsidian-test-mocks through the harness): the index service
 * keeps comparison and decision blocks current — one write per affected block per burst, none to
 * blocks whose scope does not hold the changed note, none when nothing changed.
 */
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { withSection } from "../src/shared/core/settings";
import { type Harness, loadPlugin } from "./harness/plugin-harness";
import { settleIndexService } from "./harness/index-service";

let harness: Harness | null = null;
afterEach(() => {
	harness?.unload();
	harness = null;
	vi.restoreAllMocks();
});

const settle = settleIndexService;

async function load(files: Record<string, string>): Promise<Harness> {
	harness = await loadPlugin({ files });
	await settle(harness);
	return harness;
}

function spyWrites(h: Harness): { counts(): Record<string, number>; modify: MockInstance } {
	const process = vi.spyOn(h.app.vault, "process");
	const modify = vi.spyOn(h.app.vault, "modify");
	return {
		counts: () => {
			const out: Record<string, number> = {};
			for (const call of process.mock.calls) out[call[0].path] = (out[call[0].path] ?? 0) + 1;
			return out;
		},
		modify,
	};
}

const fw = (props: string): string => `---\ntype: framework\n${props}---\n`;

function vault(): Record<string, string> {
	return {
		"A/Django.md": fw("language: Python\nasync: true\n"),
		"A/Flask.md": fw("language: Python\nasync: false\n"),
		"A/Compare A.md": "---\ncompare-columns: [language, async]\n---\n# A\n%% Comparison %%\ntail\n",
		"B/Gin.md": fw("language: Go\nasync: true\n"),
		"B/Compare B.md": "---\ncompare-columns: [language]\n---\n%% Comparison %%\n",
		"All.md": "---\ncompare-columns: [language]\n---\n%% Comparison %%\n",
	};
}

/** The table rows of a note's comparison block. */
async function rows(h: Harness, path: string): Promise<string[]> {
	const text = await h.read(path);
	const lines = text.split("\n");
	const begin = lines.indexOf("%% Begin Comparison %%");
	const end = lines.indexOf("%% End Comparison %%");
	if (begin < 0 || end < begin) throw new Error(`no block in:\n${text}`);
	return lines.slice(begin + 1, end).filter((l) => l.startsWith("| [["));
}

describe("living comparison blocks in the app", () => {
	it("start-up expands each flag; the text around it is kept", async () => {
		const h = await load(vault());
		expect(await h.read("A/Compare A.md")).toBe(
			"---\ncompare-columns: [language, async]\n---\n# A\n%% Begin Comparison %%\n\n| Note | language | async |\n| --- | --- | --- |\n| [[Django]] | Python | ✓ |\n| [[Flask]] | Python | ✗ |\n\n%% End Comparison %%\ntail\n",
		);
		expect(await rows(h, "All.md")).toEqual(["| [[Django]] | Python |", "| [[Flask]] | Python |", "| [[Gin]] | Go |"]);
	});

	it('"Refresh all index notes" also refreshes every living block, and says how many', async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		const before = h.notices().length;
		h.command("refresh-all-index-notes").callback?.();
		await settle(h);
		// Everything is current after start-up: the three blocks are looked at and none is written.
		expect(h.notices().slice(before)).toEqual(["Updated 0 of 0 index notes, 0 of 3 notes with living blocks"]);
		expect(writes.counts()).toEqual({});
	});

	it("a frontmatter change writes once to each block whose scope holds the note, none to others", async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("A/Flask.md"), fw("language: Python 3\nasync: false\n"));
		await settle(h);
		expect(writes.counts()).toEqual({ "A/Compare A.md": 1, "All.md": 1 });
		expect(await rows(h, "A/Compare A.md")).toContain("| [[Flask]] | Python 3 | ✗ |");
		// The only `modify` is the test's own edit: the plugin writes through `process`.
		expect(writes.modify).toHaveBeenCalledTimes(1);
	});

	it("a body edit that leaves the table as it is writes nothing", async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("B/Gin.md"), `${fw("language: Go\nasync: true\n")}more text`);
		await settle(h);
		expect(writes.counts()).toEqual({});
	});

	it("a burst of 100 changes writes each affected block once", async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		for (let i = 0; i < 100; i++) await h.app.vault.create(`A/New ${String(i).padStart(3, "0")}.md`, fw(`language: L${i}\n`));
		await settle(h);
		expect(writes.counts()).toEqual({ "A/Compare A.md": 1, "All.md": 1 });
		expect(await rows(h, "A/Compare A.md")).toHaveLength(102);
	});

	it("rename and delete re-render the blocks that showed the note", async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		await h.app.vault.rename(h.file("B/Gin.md"), "B/Echo.md");
		await settle(h);
		expect(writes.counts()).toEqual({ "B/Compare B.md": 1, "All.md": 1 });
		expect(await rows(h, "B/Compare B.md")).toEqual(["| [[Echo]] | Go |"]);
		await h.app.vault.delete(h.file("A/Django.md"));
		await settle(h);
		expect(writes.counts()).toEqual({ "B/Compare B.md": 1, "All.md": 2, "A/Compare A.md": 1 });
		expect(await rows(h, "A/Compare A.md")).toEqual(["| [[Flask]] | Python | ✗ |"]);
	});

	it("moving a folder of 50 notes writes the old and the new scope's blocks once each", async () => {
		const files = vault();
		for (let i = 0; i < 50; i++) files[`A/Sub/N${String(i).padStart(2, "0")}.md`] = fw(`language: L${i}\n`);
		const h = await load(files);
		expect(await rows(h, "A/Compare A.md")).toHaveLength(52);
		const writes = spyWrites(h);
		const folder = h.app.vault.getFolderByPath("A/Sub");
		if (!folder) throw new Error("no folder");
		await h.app.vault.rename(folder, "B/Sub");
		await settle(h);
		expect(writes.counts()).toEqual({ "A/Compare A.md": 1, "B/Compare B.md": 1 });
		expect(await rows(h, "B/Compare B.md")).toHaveLength(51);
	});

	it("a plugin write causes no further write, even when its modify event is replayed", async () => {
		const h = await load(vault());
		const writes = spyWrites(h);
		await h.app.vault.create("B/Koa.md", fw("language: JavaScript\n"));
		await settle(h);
		expect(writes.counts()).toEqual({ "B/Compare B.md": 1, "All.md": 1 });
		h.app.vault.trigger("modify", h.file("B/Compare B.md"));
		await settle(h);
		expect(writes.counts()).toEqual({ "B/Compare B.md": 1, "All.md": 1 });
	});

	it("an unmatched Begin: one Notice naming the note, no write, not repeated", async () => {
		const broken = "%% Begin Comparison %%\n| old |\n";
		const h = await load({ ...vault(), "B/Compare B.md": broken });
		const about = (): string[] => h.notices().filter((m) => m.includes("B/Compare B.md"));
		expect(about()).toHaveLength(1);
		expect(about()[0]).toContain('"%% Begin Comparison %%" on line 1 has no matching "%% End Comparison %%"');
		const writes = spyWrites(h);
		await h.app.vault.create("B/Koa.md", fw("language: JavaScript\n"));
		await settle(h);
		expect(writes.counts()).toEqual({ "All.md": 1 });
		expect(await h.read("B/Compare B.md")).toBe(broken);
		expect(about()).toHaveLength(1);
	});

	it("a table edited by hand is restored by one write; the text around it stays", async () => {
		const h = await load(vault());
		const before = await h.read("A/Compare A.md");
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("A/Compare A.md"), before.replace("| [[Flask]] | Python | ✗ |", "| [[Flask]] | Perl | ✓ |"));
		await settle(h);
		expect(writes.counts()).toEqual({ "A/Compare A.md": 1 });
		expect(await h.read("A/Compare A.md")).toBe(before);
	});

	it("a new comparison flag in the settings: notes holding it are expanded", async () => {
		const h = await load({ ...vault(), "C/Mine.md": "---\ncompare-scope: A\ncompare-columns: [async]\n---\n%% Table %%\n" });
		expect(await h.read("C/Mine.md")).toContain("%% Table %%");
		await h.plugin.updateSettings(withSection(h.plugin.settings, "compare", { comparisonFlag: "%% Table %%" }));
		await settle(h);
		expect(await rows(h, "C/Mine.md")).toEqual(["| [[Django]] | ✓ |", "| [[Flask]] | ✗ |"]);
	});

	it("a flag typed into a note is expanded", async () => {
		const h = await load(vault());
		await h.app.vault.modify(h.file("B/Gin.md"), `${fw("language: Go\nasync: true\n")}%% Comparison %%\n`);
		await settle(h);
		// The note's own block leaves the note out: nothing else in B is a framework note.
		expect(await h.read("B/Gin.md")).toContain("%% Begin Comparison %%\n\n*No notes to compare.*\n\n%% End Comparison %%");
	});
});

describe("living decision blocks in the app", () => {
	it("a decision block ranks the notes and follows a change", async () => {
		const h = await load({
			...vault(),
			"Pick.md": "---\ntype: decision\nscope: A\nprefer:\n  - async = true\n---\n%% Decision %%\n",
		});
		expect(await h.read("Pick.md")).toContain("| 1 | [[Django]] | 100.0 | 100% | ✓ |\n| 2 | [[Flask]] | 0.0 | 100% | ✗ |");
		const writes = spyWrites(h);
		await h.app.vault.modify(h.file("A/Flask.md"), fw("language: Python\nasync: true\n"));
		await settle(h);
		expect(writes.counts()["Pick.md"]).toBe(1);
		expect(await h.read("Pick.md")).toContain("| 1 | [[Django]] | 100.0 | 100% | ✓ |\n| 1 | [[Flask]] | 100.0 | 100% | ✓ |");
	});
});

describe("older static comparison notes in the app", () => {
	it("start-up makes them living; one edited by hand is kept, with one Notice", async () => {
		const header =
			"---\nframework-notes: comparison\n---\n\n# Comparison: A\n\nGenerated by Framework Notes from 2 notes; saving again replaces this note.\n\n";
		const old = `${header}| Note | language |\n| --- | --- |\n| [[Django]] | Python |\n`;
		const edited = old.replace("# Comparison: A\n", "# Comparison: A\n\nMine.\n");
		const h = await load({ ...vault(), "A/comparison.md": old, "B/comparison.md": edited });
		const text = await h.read("A/comparison.md");
		expect(text).toMatch(/^---\nframework-notes: comparison\ncompare-scope: "A"\n/);
		expect(await rows(h, "A/comparison.md")).toHaveLength(2);
		expect(await h.read("B/comparison.md")).toBe(edited);
		expect(h.notices().filter((m) => m.includes("B/comparison.md"))).toEqual([
			'Living block not updated in "B/comparison.md": this comparison note, made by an older Save as note, was edited and is kept as it is; save it again from the pane to make it a living comparison.',
		]);
	});
});
