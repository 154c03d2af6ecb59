#!/usr/bin/env node
/**
 * Browser benchmark of the comparison pane: inside Debian's Chromium, on generated vaults of 1,000
 * and 10,000 framework notes (15 properties each), time
 *   - first render: opening the pane until its first rows are in the DOM, and until the next frame;
 *   - sort: a header click until the re-sorted rows are in the DOM, and until the next frame;
 *   - the view's own steps called directly: `render()` (model → DOM) and `rebuild()` (read the
 *     notes' frontmatter, build the model, render);
 *   - every note reported changed at once (metadata cache `changed` for all notes), until the
 *     pane's live update has applied the batch.
 * Timed in the page with performance.now(); medians over RUNS runs (first run of each size is a
 * warm-up and is not counted).
 *
 *   node bench/browser-compare.mjs [--runs 7] [--sizes 1000,10000] [--json out.json]
 */
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Number(option("runs", "7"));
const SIZES = option("sizes", "1000,10000").split(",").map(Number);
const JSON_OUT = option("json", "");

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
	process.stdout.write(`Chromium not found at ${chromiumPath}: browser benchmark skipped\n`);
	process.exit(process.env.CI === "true" ? 1 : 0);
}

// The page builder and the browser plumbing are TypeScript shared with the test suite.
const outDir = join(root, "test-results", "browser-build");
await mkdir(outDir, { recursive: true });
const helper = join(outDir, "bench-helpers.mjs");
await build({
	stdin: {
		contents: 'export * from "./test/browser/build-page"; export * from "./test/browser/support";',
		resolveDir: root,
		loader: "ts",
	},
	bundle: true,
	platform: "node",
	format: "esm",
	packages: "external",
	outfile: helper,
	logLevel: "warning",
});
const { buildPage, startBrowser } = await import("../test-results/browser-build/bench-helpers.mjs");

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => Math.round(ms * 10) / 10;

await buildPage();
const session = await startBrowser();
const results = [];
try {
	const page = await session.open("boot=none", { width: 1280, height: 800 });
	for (const size of SIZES) {
		const bootMs = await page.evaluate(async (count) => {
			const t0 = performance.now();
			await window.fn.boot({ files: window.fn.generatedVault(count) });
			return performance.now() - t0;
		}, size);
		const samples = { renderDom: [], renderFrame: [], sortDom: [], sortFrame: [], renderCall: [], rebuildCall: [], liveAll: [] };
		let rowsInDom = 0;
		for (let run = 0; run <= RUNS; run++) {
			const sample = await page.evaluate(async () => {
				const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
				/** Resolves with the time at which `test()` first holds after a DOM change. */
				const when = (test) =>
					new Promise((resolve, reject) => {
						if (test()) {
							resolve(performance.now());
							return;
						}
						const timer = window.setTimeout(() => {
							observer.disconnect();
							reject(new Error("timed out waiting for the pane"));
						}, 60_000);
						const observer = new MutationObserver(() => {
							if (!test()) return;
							const at = performance.now();
							observer.disconnect();
							window.clearTimeout(timer);
							resolve(at);
						});
						observer.observe(document.body, {
							childList: true,
							subtree: true,
							attributes: true,
							attributeFilter: ["aria-sort"],
						});
					});
				for (const leaf of window.fn.leaves())
					if (leaf.type === "framework-notes-comparison")
						document
							.querySelector(`.workspace-tab-header[data-leaf-id="${leaf.id}"] .workspace-tab-header-inner-close-button`)
							?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
				await nextFrame();

				const open0 = performance.now();
				const rowsShown = when(() => document.querySelector(".fn-cmp-table tr.fn-cmp-row") !== null);
				await window.fn.openComparison();
				const openDom = await rowsShown;
				await nextFrame();
				const openFrame = performance.now();

				const firstPath = () => document.querySelector(".fn-cmp-table tr.fn-cmp-row")?.getAttribute("data-path") ?? "";
				const header = () => document.querySelector('.fn-cmp-table th.fn-cmp-col-head[data-key="stars"]');
				if (!header()) throw new Error("no 'stars' column header");
				const before = firstPath();
				const beforeSort = header().getAttribute("aria-sort");
				const sort0 = performance.now();
				const sorted = when(() => header()?.getAttribute("aria-sort") !== beforeSort && firstPath() !== before);
				header().dispatchEvent(new MouseEvent("click", { bubbles: true }));
				const sortDom = await sorted;
				await nextFrame();
				const sortFrame = performance.now();
				// The view's own steps, called directly on the open pane (synchronous render; rebuild reads
				// every note's frontmatter and rebuilds the model, then renders).
				const view = window.app.workspace.getLeavesOfType("framework-notes-comparison")[0]?.view;
				// The view keeps its lifecycle; the pane (view.pane) renders and rebuilds.
				const pane = view.pane;
				const render0 = performance.now();
				pane.render();
				const renderOnly = performance.now() - render0;
				const rebuild0 = performance.now();
				await pane.rebuild();
				const rebuildOnly = performance.now() - rebuild0;
				// Every note reported changed at once (first indexing of a vault, a sync, a bulk edit):
				// the pane's live update applies one debounced batch.
				const app = window.app;
				const live0 = performance.now();
				for (const file of app.vault.getMarkdownFiles())
					app.metadataCache.trigger("changed", file, "", app.metadataCache.getFileCache(file));
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				await view.flushLive();
				const liveAll = performance.now() - live0;
				return {
					renderCall: renderOnly,
					rebuildCall: rebuildOnly,
					liveAll,
					renderDom: openDom - open0,
					renderFrame: openFrame - open0,
					sortDom: sortDom - sort0,
					sortFrame: sortFrame - sort0,
					rowsInDom: document.querySelectorAll(".fn-cmp-table tr.fn-cmp-row").length,
				};
			});
			if (run === 0) continue; // warm-up
			for (const key of Object.keys(samples)) samples[key].push(sample[key]);
			rowsInDom = sample.rowsInDom;
		}
		const row = {
			notes: size,
			runs: RUNS,
			bootMs: round(bootMs),
			rowsInDom,
			firstRenderDomMs: round(median(samples.renderDom)),
			firstRenderFrameMs: round(median(samples.renderFrame)),
			sortDomMs: round(median(samples.sortDom)),
			sortFrameMs: round(median(samples.sortFrame)),
			renderCallMs: round(median(samples.renderCall)),
			rebuildCallMs: round(median(samples.rebuildCall)),
			allChangedMs: round(median(samples.liveAll)),
		};
		results.push(row);
		process.stdout.write(`${JSON.stringify(row)}\n`);
	}
	const version = session.context.browser()?.version() ?? "unknown";
	const cpu = os.cpus()[0]?.model ?? "unknown CPU";
	const summary = {
		date: new Date().toISOString().slice(0, 10),
		machine: `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
		chromium: version,
		results,
	};
	const lines = [
		"",
		`Browser benchmark, ${summary.date}, ${summary.machine}, Chromium ${summary.chromium} (headless), medians of ${RUNS} runs`,
		"| notes | open → rows in DOM | open → next frame | sort click → rows in DOM | sort click → next frame | view.render() | view.rebuild() | every note changed (live batch) | rows in DOM |",
		"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
		...results.map(
			(r) =>
				`| ${r.notes.toLocaleString("en")} | ${r.firstRenderDomMs} ms | ${r.firstRenderFrameMs} ms | ${r.sortDomMs} ms | ${r.sortFrameMs} ms | ${r.renderCallMs} ms | ${r.rebuildCallMs} ms | ${r.allChangedMs} ms | ${r.rowsInDom} |`,
		),
	];
	process.stdout.write(`${lines.join("\n")}\n`);
	if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(summary, null, "\t") + "\n");
	if (session.pageErrors.length > 0) process.stderr.write(`page errors: ${session.pageErrors.join(" | ")}\n`);
} finally {
	await session.close();
}
