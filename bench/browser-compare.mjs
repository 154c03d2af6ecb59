#!/usr/bin/env node
/**
 * Browser benchmark of the comparison pane: inside Debian's Chromium, on generated vaults of 1,000
 * and 10,000 framework notes (15 properties each; `--sizes 100000` for issue 16's targets), time
 *   - the model: reading the notes' inputs (selection, frontmatter), then building the model;
 *   - opening the pane until its first rows are in the DOM (with a large vault, a first screen
 *     drawn from the first notes found), until the next frame, and until the whole model is built
 *     and shown;
 *   - sort: a header click until the re-sorted rows are in the DOM, and until the next frame;
 *   - the view's own steps called directly: `render()` (model → DOM) and `rebuild()` (read the
 *     notes' frontmatter, build the model, render);
 *   - one note changed (its metadata event delivered), until the pane's live update has applied it;
 *   - every note reported changed at once (metadata cache `changed` for all notes), until the
 *     pane's live update has applied the batch;
 *   - the JS heap in use after a full garbage collection (CDP), with the pane open, and its growth
 *     over the same page with the pane closed (the pane's own heap).
 * Each step checks that its work was done (rows counted, values shown) and fails otherwise.
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
		const samples = {
			modelInputs: [],
			modelBuild: [],
			renderDom: [],
			renderFrame: [],
			openComplete: [],
			sortDom: [],
			sortFrame: [],
			renderCall: [],
			rebuildCall: [],
			liveOne: [],
			liveAll: [],
			heapPane: [],
			heapUsed: [],
		};
		let rowsInDom = 0;
		const cdp = await page.context().newCDPSession(page);
		/** JS heap in use after a full garbage collection (MB). */
		const heapMb = async () => {
			await cdp.send("HeapProfiler.collectGarbage");
			const { usedSize } = await cdp.send("Runtime.getHeapUsage");
			return usedSize / 2 ** 20;
		};
		for (let run = 0; run <= RUNS; run++) {
			const model = await page.evaluate(() => window.fn.comparisonModelBuild());
			if (model.rows !== size) throw new Error(`model build: ${model.rows} rows, expected ${size}`);
			await page.evaluate(async () => {
				for (const leaf of window.fn.leaves())
					if (leaf.type === "framework-notes-comparison")
						document
							.querySelector(`.workspace-tab-header[data-leaf-id="${leaf.id}"] .workspace-tab-header-inner-close-button`)
							?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
				await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
				if (window.app.workspace.getLeavesOfType("framework-notes-comparison").length > 0)
					throw new Error("the pane did not close");
			});
			const heapClosed = await heapMb();
			const opened = await page.evaluate(async (count) => {
				const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
				const when = whenFactory();
				window.fnBenchWhen = when;
				const open0 = performance.now();
				const rowsShown = when(() => document.querySelector(".fn-cmp-table tr.fn-cmp-row") !== null);
				// Not awaited yet: openComparison resolves once the pane has read every note.
				const opening = window.fn.openComparison();
				const openDom = await rowsShown;
				await nextFrame();
				const openFrame = performance.now();
				await opening;
				const view = window.app.workspace.getLeavesOfType("framework-notes-comparison")[0]?.view;
				await view.ready;
				const openComplete = performance.now();
				const status = document.querySelector(".fn-cmp-status")?.textContent ?? "";
				if (view.current.model?.rows.length !== count || status.includes("still reading"))
					throw new Error(`open: ${view.current.model?.rows.length} rows in the model (expected ${count}), status "${status}"`);
				return { renderDom: openDom - open0, renderFrame: openFrame - open0, openComplete: openComplete - open0 };

				/** Resolves with the time at which `test()` first holds after a DOM change. */
				function whenFactory() {
					return (test) =>
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
				}
			}, size);
			const sample = await page.evaluate(async (runIndex) => {
				const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
				// Set by the opening step (the same helper; each evaluate is serialized on its own).
				const when = window.fnBenchWhen;
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
				if (document.querySelectorAll(".fn-cmp-table tr.fn-cmp-row").length === 0) throw new Error("render: no rows");
				const modelBefore = view.current.model;
				const rebuild0 = performance.now();
				await pane.rebuild();
				const rebuildOnly = performance.now() - rebuild0;
				if (view.current.model === modelBefore || view.current.model.rows.length !== modelBefore.rows.length)
					throw new Error("rebuild: the model was not rebuilt");
				const app = window.app;
				// One note changed (its `stars` edited): the note is written and its metadata event
				// delivered first; timed is the pane's update (plan, model update, view, DOM) until applied.
				const files = app.vault.getMarkdownFiles();
				const target = files[Math.floor(files.length / 2)];
				const stars = 100000 + runIndex;
				const text = await app.vault.read(target);
				await window.fn.modifyNote(target.path, text.replace(/^stars: .*$/m, `stars: ${stars}`));
				for (let i = 0; i < 100 && window.fn.frontmatter(target.path)?.stars !== stars; i++)
					await new Promise((resolve) => window.setTimeout(resolve, 0));
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				const one0 = performance.now();
				await view.flushLive();
				const liveOne = performance.now() - one0;
				const changedRow = view.current.result?.rows.find((r) => r.path === target.path);
				if (changedRow?.cells.get("stars")?.raw !== stars)
					throw new Error("one changed note: the pane does not show the new value");
				// Every note reported changed at once (first indexing of a vault, a sync, a bulk edit):
				// the pane's live update applies one debounced batch.
				const modelBeforeAll = view.current.model;
				const live0 = performance.now();
				for (const file of app.vault.getMarkdownFiles())
					app.metadataCache.trigger("changed", file, "", app.metadataCache.getFileCache(file));
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				await view.flushLive();
				const liveAll = performance.now() - live0;
				if (view.current.model === modelBeforeAll) throw new Error("every note changed: the model was not updated");
				return {
					renderCall: renderOnly,
					rebuildCall: rebuildOnly,
					liveOne,
					liveAll,
					sortDom: sortDom - sort0,
					sortFrame: sortFrame - sort0,
					rowsInDom: document.querySelectorAll(".fn-cmp-table tr.fn-cmp-row").length,
				};
			}, run);
			// The pane's heap, measured after its interactions (a forced collection before them
			// would also throw away compiled code and slow the sort being timed).
			const heapOpen = await heapMb();
			if (run === 0) continue; // warm-up
			Object.assign(sample, opened, {
				modelInputs: model.inputsMs,
				modelBuild: model.buildMs,
				heapPane: heapOpen - heapClosed,
				heapUsed: heapOpen,
			});
			for (const key of Object.keys(samples)) samples[key].push(sample[key]);
			rowsInDom = sample.rowsInDom;
		}
		await cdp.detach();
		const row = {
			notes: size,
			runs: RUNS,
			bootMs: round(bootMs),
			rowsInDom,
			modelInputsMs: round(median(samples.modelInputs)),
			modelBuildMs: round(median(samples.modelBuild)),
			firstRenderDomMs: round(median(samples.renderDom)),
			firstRenderFrameMs: round(median(samples.renderFrame)),
			openCompleteMs: round(median(samples.openComplete)),
			sortDomMs: round(median(samples.sortDom)),
			sortFrameMs: round(median(samples.sortFrame)),
			renderCallMs: round(median(samples.renderCall)),
			rebuildCallMs: round(median(samples.rebuildCall)),
			oneChangedMs: round(median(samples.liveOne)),
			allChangedMs: round(median(samples.liveAll)),
			paneHeapMb: round(median(samples.heapPane)),
			heapUsedMb: round(median(samples.heapUsed)),
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
		"| notes | model inputs | model build | open → rows in DOM | open → next frame | open → complete | sort click → rows in DOM | sort click → next frame | view.render() | view.rebuild() | one note changed | every note changed (live batch) | pane's JS heap | JS heap in use | rows in DOM |",
		"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
		...results.map(
			(r) =>
				`| ${r.notes.toLocaleString("en")} | ${r.modelInputsMs} ms | ${r.modelBuildMs} ms | ${r.firstRenderDomMs} ms | ${r.firstRenderFrameMs} ms | ${r.openCompleteMs} ms | ${r.sortDomMs} ms | ${r.sortFrameMs} ms | ${r.renderCallMs} ms | ${r.rebuildCallMs} ms | ${r.oneChangedMs} ms | ${r.allChangedMs} ms | ${r.paneHeapMb} MB | ${r.heapUsedMb} MB | ${r.rowsInDom} |`,
		),
	];
	process.stdout.write(`${lines.join("\n")}\n`);
	if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify(summary, null, "\t") + "\n");
	if (session.pageErrors.length > 0) process.stderr.write(`page errors: ${session.pageErrors.join(" | ")}\n`);
} finally {
	await session.close();
}
