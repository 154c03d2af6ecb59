#!/usr/bin/env node
/**
 * Browser benchmark of the index notes at start-up, inside Debian's Chromium, on generated vaults
 * (10 top folders × subfolders × notes, a folder note holding a waypoint in every folder):
 *   - the plugin's `onload` (awaited), which Obsidian's start-up timer shows users;
 *   - the start-up reconciliation after layout-ready: first with every index stale (each one
 *     written), then on the refreshed vault (nothing to write);
 *   - "Refresh all index notes" (the command also reads every other note for misplaced flags);
 *   - moving a top folder into another (a tenth of the vault's notes move). The test bed's own
 *     synchronous move of the entries (what Obsidian's vault and file system do, not the plugin)
 *     runs in a task before the first rename event; its long task is reported on a line apart.
 * For each, the total time until the index service is idle, and the main thread's long tasks
 * (over 50 ms without yielding, observed with a PerformanceObserver): how many, and the longest.
 * Each step checks that its work was done (indexes written, links renamed) and fails otherwise.
 *
 * With `--profile <dir>`, a CPU profile of each size's run is saved there (open it in Chromium's
 * DevTools) and the longest stretches of main-thread work are summed up by function, to tell
 * the plugin's share of a long task from the test bed's.
 *
 *   node bench/browser-startup.mjs [--sizes 10000,100000] [--json out.json] [--profile dir]
 */
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SIZES = option("sizes", "10000,100000").split(",").map(Number);
const JSON_OUT = option("json", "");
const PROFILE_DIR = option("profile", "");

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
	process.stdout.write(`Chromium not found at ${chromiumPath}: browser benchmark skipped\n`);
	process.exit(process.env.CI === "true" ? 1 : 0);
}

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
const round = (ms) => Math.round(ms * 10) / 10;

/** Profile time (µs) of the page's `performance.now()` 0: from the first sample of `benchClockMark`, which ran at `mark`. */
function clockOffset(profile, mark) {
	const marker = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "benchClockMark").map((n) => n.id));
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i] ?? 0;
		if (marker.has(profile.samples[i])) return t - mark * 1000;
	}
	throw new Error("the clock mark is not in the profile");
}

/**
 * What ran between `from` and `to` (profile clock, µs): sample counts by call chain (the
 * innermost named frames), heaviest first, in ms.
 */
function heaviest(profile, from, to, top = 10) {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const chain = (id) => {
		const names = [];
		for (let at = id; at !== undefined; at = parent.get(at)) {
			const f = nodes.get(at)?.callFrame;
			if (f?.functionName && f.functionName !== "(root)") names.unshift(`${f.functionName}:${f.lineNumber + 1}`);
		}
		return names.slice(-6).join(" > ");
	};
	const byChain = new Map();
	let t = profile.startTime;
	let last = t;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i] ?? 0;
		if (t < from || t > to) {
			last = t;
			continue;
		}
		const name = chain(profile.samples[i]);
		byChain.set(name, (byChain.get(name) ?? 0) + (t - Math.max(last, from)) / 1000);
		last = t;
	}
	return [...byChain]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([name, ms]) => `    ${round(ms)} ms  ${name}`);
}

await buildPage();
const session = await startBrowser();
const results = [];
try {
	const page = await session.open("boot=none", { width: 1280, height: 800 });
	const cdp = PROFILE_DIR ? await session.context.newCDPSession(page) : null;
	if (cdp) {
		await mkdir(PROFILE_DIR, { recursive: true });
		await cdp.send("Profiler.enable");
		await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
	}
	for (const size of SIZES) {
		if (cdp) await cdp.send("Profiler.start");
		const row = await page.evaluate(async (count) => {
			const fn = window.fn;
			/**
			 * Long tasks from `since()` (default: now) until `work` is done and the index service is idle.
			 * Building a generated vault in the page is not the plugin's work: boots start at `beforeLoad`.
			 */
			const observe = async (since, work) => {
				const tasks = [];
				const observer = new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) tasks.push(entry);
				});
				observer.observe({ type: "longtask" });
				const started = performance.now();
				// A step may say until when the main thread ran the test bed's own work, not the plugin's.
				const testBedUntil = (await work())?.testBedUntil ?? 0;
				await fn.indexIdle();
				const t0 = since?.() ?? started;
				const totalMs = performance.now() - t0;
				// Long-task entries are delivered after the task: give the observer a turn.
				await new Promise((resolve) => window.setTimeout(resolve, 100));
				observer.disconnect();
				const all = tasks.filter((t) => t.startTime >= t0 - 1);
				const testBed = all.filter((t) => t.startTime + t.duration <= testBedUntil);
				const mine = all.filter((t) => t.startTime + t.duration > testBedUntil);
				const longest = (list) => list.reduce((max, t) => Math.max(max, t.duration), 0);
				return {
					totalMs,
					longTasks: mine.length,
					longestMs: longest(mine),
					testBedLongestMs: longest(testBed),
					tasks: all.map((t) => [t.startTime, t.duration]),
				};
			};
			// A few milliseconds of work under a name the profile shows: matches the page's clock to the profile's.
			const benchClockMark = () => {
				const t = performance.now();
				while (performance.now() - t < 5);
				return t;
			};
			const clockMark = benchClockMark();
			const files = fn.generatedIndexVault(count);
			const notes = Object.keys(files).length;
			const folderNotes = Object.keys(files).filter((p) => /\/(T\d+|S\d+-\d+)\.md$/.test(p));
			const written = async () => {
				let n = 0;
				for (const p of folderNotes) if ((await fn.readNote(p))?.includes("%% Begin Waypoint %%")) n++;
				return n;
			};

			// 1. Start-up on a vault whose indexes are all stale: every one is written.
			let loading = 0;
			const beforeLoad = () => {
				loading = performance.now();
			};
			const stale = await observe(
				() => loading,
				() => fn.boot({ files, beforeLoad }),
			);
			if ((await written()) !== folderNotes.length) throw new Error("start-up did not write every index");
			const onloadStaleMs = fn.lastOnloadMs();

			// 2. Start-up again on the refreshed vault (what every later start looks like).
			const refreshed = { ...files };
			for (const p of folderNotes) refreshed[p] = await fn.readNote(p);
			const current = await observe(
				() => loading,
				() => fn.boot({ files: refreshed, beforeLoad }),
			);
			const onloadCurrentMs = fn.lastOnloadMs();

			// 3. "Refresh all index notes" (reads every note, writes nothing).
			// Done when the command says so: its living-block pass follows the indexes.
			const refreshAll = await observe(null, async () => {
				fn.runCommand("refresh-all-index-notes");
				while (!fn.notices().some((n) => n.startsWith("Updated "))) await new Promise((resolve) => window.setTimeout(resolve, 5));
			});

			// 4. Move a top folder (a tenth of the notes) into another: both top indexes change.
			// The test bed's synchronous move of 10k entries (Obsidian's own work, not the plugin's) runs
			// in a task before the first rename event; its long task is reported apart.
			const renamed = await observe(null, async () => ({ testBedUntil: (await fn.renameFolder("T1", "T0/T1")).firstEventAt }));
			const top = await fn.readNote("T0/T0.md");
			if (!top || !top.includes("[[T1]]")) throw new Error("the moved folder is not in its new parent's index");
			return { clockMark, notes, indexes: folderNotes.length, onloadStaleMs, onloadCurrentMs, stale, current, refreshAll, renamed };
		}, size);
		if (cdp) {
			const { profile } = await cdp.send("Profiler.stop");
			const file = resolve(PROFILE_DIR, `startup-${size}.cpuprofile`);
			await writeFile(file, JSON.stringify(profile));
			process.stdout.write(`profile: ${file}\n`);
			for (const step of ["stale", "current", "refreshAll", "renamed"]) {
				for (const [start, duration] of row[step].tasks) {
					process.stdout.write(`${step}: long task of ${round(duration)} ms\n`);
					const from = clockOffset(profile, row.clockMark) + start * 1000;
					process.stdout.write(`${heaviest(profile, from, from + duration * 1000).join("\n")}\n`);
				}
			}
		}
		for (const step of ["stale", "current", "refreshAll", "renamed"]) delete row[step].tasks;
		delete row.clockMark;
		results.push(row);
		process.stdout.write(`${JSON.stringify(row)}\n`);
	}
	const version = session.context.browser()?.version() ?? "unknown";
	const cpu = os.cpus()[0]?.model ?? "unknown CPU";
	const date = new Date().toISOString().slice(0, 10);
	const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`;
	const lines = [
		"",
		`Start-up benchmark, ${date}, ${machine}, Chromium ${version} (headless)`,
		"| notes | step | total | long tasks | longest | onload |",
		"| ---: | --- | ---: | ---: | ---: | ---: |",
	];
	for (const r of results) {
		const n = r.notes.toLocaleString("en");
		const cell = (s) => `${round(s.totalMs)} ms | ${s.longTasks} | ${round(s.longestMs)} ms`;
		lines.push(`| ${n} | start-up, every index stale | ${cell(r.stale)} | ${round(r.onloadStaleMs)} ms |`);
		lines.push(`| ${n} | start-up, indexes current | ${cell(r.current)} | ${round(r.onloadCurrentMs)} ms |`);
		lines.push(`| ${n} | Refresh all index notes | ${cell(r.refreshAll)} | |`);
		lines.push(`| ${n} | move a top folder (a tenth of the notes) | ${cell(r.renamed)} | |`);
		lines.push(
			`| ${n} | the test bed's own move of the folder's entries (not the plugin) | | | ${round(r.renamed.testBedLongestMs)} ms | |`,
		);
	}
	process.stdout.write(`${lines.join("\n")}\n`);
	if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ date, machine, chromium: version, results }, null, "\t") + "\n");
	if (session.pageErrors.length > 0) process.stdout.write(`page errors: ${session.pageErrors.join(" | ")}\n`);
} finally {
	await session.close();
}
