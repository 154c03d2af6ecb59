/**
 * Living blocks kept current: 100 comparison blocks in a 10k-note vault (100 folders of 100
 * framework notes, one block per folder). One note's frontmatter changes; the burst re-renders
 * and writes only the block of its folder. Figures go in BENCHMARKS.md.
 */
import { bench, describe } from "vitest";
import { comparisonKind } from "../src/comparison/core/living-note";
import { LivingEngine } from "../src/shared/core/living-engine";
import { DEFAULT_SETTINGS } from "../src/shared/core/settings";
import { MemoryVault } from "../test/index-memory-vault";

const vault = new MemoryVault();
for (let f = 0; f < 100; f++) {
	for (let n = 0; n < 100; n++) {
		const path = `F${f}/Note ${f}-${n}.md`;
		vault.addFile(path, "");
		vault.frontmatters.set(path, { type: "framework", stars: n, language: n % 2 === 0 ? "Python" : "Go", license: "MIT" });
	}
	vault.addFile(`F${f}/Compare.md`, "%% Comparison %%\n");
	vault.frontmatters.set(`F${f}/Compare.md`, { "compare-columns": ["stars", "language", "license"], "compare-sort": "-stars" });
}
const io = vault.io(() => DEFAULT_SETTINGS.index);
const engine = new LivingEngine({
	snapshot: vault,
	kinds: () => [comparisonKind({ snapshot: vault, settings: DEFAULT_SETTINGS.compare, templatesFolder: null })],
	read: (path) => io.read(path),
	process: (path, edit) => io.process(path, edit),
	reportError: (path, message) => io.reportError(path, message),
});
await engine.refreshAll();

let round = 0;
describe("100 blocks, 10k notes", () => {
	bench("one frontmatter change → one burst", async () => {
		round++;
		vault.writes = [];
		vault.frontmatters.set("F42/Note 42-7.md", { type: "framework", stars: 1000 + round, language: "Go", license: "MIT" });
		engine.frontmatterChanged("F42/Note 42-7.md");
		await engine.flush();
		if (vault.writes.length !== 1 || vault.writes[0] !== "F42/Compare.md") throw new Error(`wrote ${vault.writes.join(", ")}`);
	});
});
