/**
 * The living-block engine over an in-memory vault: which blocks a change re-renders, how often
 * each note is written per burst, and that nothing is written when nothing changed.
 */
import { describe, expect, it } from "vitest";
import { comparisonKind } from "../src/comparison/core/living-note";
import { LivingEngine } from "../src/shared/core/living-engine";
import { DEFAULT_SETTINGS } from "../src/shared/core/settings";
import { MemoryVault } from "./index-memory-vault";

/** `folders` folders of `perFolder` framework notes, each folder with a comparison note showing it. */
function setup(folders: number, perFolder: number): { vault: MemoryVault; engine: LivingEngine; renders: { count: number } } {
	const vault = new MemoryVault();
	for (let f = 0; f < folders; f++) {
		for (let n = 0; n < perFolder; n++) {
			const path = `F${f}/Note ${f}-${n}.md`;
			vault.addFile(path, "");
			vault.frontmatters.set(path, { type: "framework", stars: n, language: n % 2 === 0 ? "Python" : "Go" });
		}
		vault.addFile(`F${f}/Compare.md`, "# Compare\n%% Comparison %%\n");
		vault.frontmatters.set(`F${f}/Compare.md`, { "compare-columns": ["stars", "language"] });
	}
	const io = vault.io(() => DEFAULT_SETTINGS.index);
	const renders = { count: 0 };
	const engine = new LivingEngine({
		snapshot: vault,
		kinds: () => {
			const kind = comparisonKind({ snapshot: vault, settings: DEFAULT_SETTINGS.compare, templatesFolder: null });
			return [
				{
					...kind,
					render: (holder, names) => {
						renders.count++;
						return kind.render(holder, names);
					},
				},
			];
		},
		read: (path) => io.read(path),
		process: (path, edit) => io.process(path, edit),
		reportError: (path, message) => io.reportError(path, message),
	});
	return { vault, engine, renders };
}

describe("living engine", () => {
	it("start-up renders every block once; a second reconciliation writes nothing", async () => {
		const { vault, engine } = setup(3, 4);
		await engine.refreshAll();
		expect(vault.writes).toEqual(["F0/Compare.md", "F1/Compare.md", "F2/Compare.md"]);
		expect(vault.texts.get("F1/Compare.md")).toContain("| [[Note 1-3]] | 3 | Go |");
		vault.writes = [];
		await engine.refreshAll();
		expect(vault.writes).toEqual([]);
	});

	it("a frontmatter change writes the block whose scope holds the note, and no other", async () => {
		const { vault, engine } = setup(5, 4);
		await engine.refreshAll();
		vault.writes = [];
		vault.frontmatters.set("F3/Note 3-1.md", { type: "framework", stars: 99, language: "Go" });
		engine.frontmatterChanged("F3/Note 3-1.md");
		await engine.flush();
		expect(vault.writes).toEqual(["F3/Compare.md"]);
		expect(vault.texts.get("F3/Compare.md")).toContain("| [[Note 3-1]] | 99 | Go |");
		// The echo of that write (modify, metadata) costs no write.
		engine.edited("F3/Compare.md");
		engine.frontmatterChanged("F3/Compare.md");
		await engine.flush();
		expect(vault.writes).toEqual(["F3/Compare.md"]);
	});

	it("a burst of 100 changes in two folders writes each of their blocks once", async () => {
		const { vault, engine } = setup(4, 50);
		await engine.refreshAll();
		vault.writes = [];
		for (let n = 0; n < 50; n++) {
			for (const f of [1, 2]) {
				vault.frontmatters.set(`F${f}/Note ${f}-${n}.md`, { type: "framework", stars: 1000 + n, language: "Rust" });
				engine.frontmatterChanged(`F${f}/Note ${f}-${n}.md`);
			}
		}
		await engine.flush();
		expect(vault.writes).toEqual(["F1/Compare.md", "F2/Compare.md"]);
	});

	it("a change that leaves every table as it is writes nothing", async () => {
		const { vault, engine } = setup(2, 3);
		await engine.refreshAll();
		vault.writes = [];
		vault.frontmatters.set("F0/Note 0-0.md", { type: "framework", stars: 0, language: "Python", unshown: "x" });
		engine.frontmatterChanged("F0/Note 0-0.md");
		await engine.flush();
		expect(vault.writes).toEqual([]);
	});

	it("a re-read of the same frontmatter (a body edit) renders no block", async () => {
		const { vault, engine, renders } = setup(2, 3);
		await engine.refreshAll();
		const fm = { type: "framework", stars: 5, language: "Go" };
		vault.frontmatters.set("F0/Note 0-0.md", fm);
		engine.frontmatterChanged("F0/Note 0-0.md", fm);
		await engine.flush();
		const after = renders.count;
		engine.frontmatterChanged("F0/Note 0-0.md", { ...fm });
		expect(engine.hasPending()).toBe(false);
		engine.frontmatterChanged("F0/Note 0-0.md", { ...fm, stars: 6 });
		expect(engine.hasPending()).toBe(true);
		await engine.flush();
		expect(renders.count).toBe(after + 1);
	});

	it("a move between folders writes both blocks; a namesake outside the scope changes the link", async () => {
		const { vault, engine } = setup(3, 2);
		await engine.refreshAll();
		vault.writes = [];
		vault.rename("F0/Note 0-1.md", "F1/Note 0-1.md");
		engine.renamed("F1/Note 0-1.md", "F0/Note 0-1.md", false);
		await engine.flush();
		expect(vault.writes).toEqual(["F0/Compare.md", "F1/Compare.md"]);
		vault.writes = [];
		vault.addFile("Elsewhere/Note 2-0.md", "");
		engine.created("Elsewhere/Note 2-0.md");
		await engine.flush();
		expect(vault.writes).toEqual(["F2/Compare.md"]);
		expect(vault.texts.get("F2/Compare.md")).toContain("| [[F2/Note 2-0\\|Note 2-0]] | 0 | Python |");
	});

	it("a flag typed into a note is expanded at the next burst; deleting the note forgets it", async () => {
		const { vault, engine } = setup(2, 2);
		await engine.refreshAll();
		vault.writes = [];
		vault.texts.set("F0/Note 0-0.md", "%% Comparison %%");
		engine.edited("F0/Note 0-0.md");
		await engine.flush();
		expect(vault.writes).toEqual(["F0/Note 0-0.md"]);
		expect(engine.holderPaths()).toContain("F0/Note 0-0.md");
		vault.delete("F0/Note 0-0.md");
		engine.deleted("F0/Note 0-0.md", false);
		expect(engine.holderPaths()).not.toContain("F0/Note 0-0.md");
	});
});
