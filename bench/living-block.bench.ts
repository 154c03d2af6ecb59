/**
 * Living blocks: one comparison block over 1,000 framework notes rendered and spliced into its
 * note (the work a refresh does for one block), default options and with sort, group and filter.
 * Figures go in BENCHMARKS.md. Besides Vitest's table (no median), the bench prints the median
 * of its own timer per run.
 */
import { afterAll, bench, describe } from "vitest";
import { comparisonKind } from "../src/comparison/core/living-note";
import { buildLinkNames } from "../src/shared/core/link-names";
import { refreshLivingText } from "../src/shared/core/living-blocks";
import { DEFAULT_COMPARE_SETTINGS } from "../src/shared/core/settings";
import { snapshotFromFiles, type FileSpec } from "../src/shared/core/testing/snapshot";
import { frameworkNote, random } from "./framework-notes";

function vault(count: number, holderFrontmatter: Record<string, unknown>): Record<string, FileSpec> {
	const rnd = random(count);
	const files: Record<string, FileSpec> = {};
	for (let i = 0; i < count; i++) {
		const note = frameworkNote(i, rnd, 0, true);
		files[note.path] = { frontmatter: note.frontmatter, text: "" };
	}
	files["Frameworks/Compare.md"] = { frontmatter: holderFrontmatter, text: "%% Comparison %%\n" };
	return files;
}

const timings = new Map<string, number[]>();

afterAll(() => {
	const lines = ["", "Living blocks: median wall time per run"];
	for (const [label, list] of timings) {
		const sorted = [...list].sort((a, b) => a - b);
		lines.push(`${label.padEnd(10)} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2) ?? "-"} ms (${sorted.length} runs)`);
	}
	process.stdout.write(`${lines.join("\n")}\n`);
});

function blockBench(label: string, holder: Record<string, unknown>): () => void {
	const snapshot = snapshotFromFiles(vault(1_000, holder));
	const names = buildLinkNames(snapshot.root);
	return () => {
		const start = performance.now();
		const kind = comparisonKind({ snapshot, settings: DEFAULT_COMPARE_SETTINGS, templatesFolder: null });
		const out = refreshLivingText("%% Comparison %%\n", [kind], () => kind.render("Frameworks/Compare.md", () => names));
		if (out.status !== "changed") throw new Error("no table");
		const list = timings.get(label) ?? [];
		list.push(performance.now() - start);
		timings.set(label, list);
	};
}

describe("comparison block over 1,000 notes", () => {
	bench("default options (every differing column)", blockBench("default", {}));
	bench(
		"7 columns, sort -stars, group by category, filter async = true",
		blockBench("options", {
			"compare-columns": ["language", "async", "orm", "license", "first_release", "stars", "related"],
			"compare-sort": "-stars",
			"compare-group": "category",
			"compare-filter": ["async = true"],
		}),
	);
});
