/**
 * The CLI over vaults on disk: `check` and `refresh` on generated 10k- and 100k-note
 * vaults, each run a fresh Node process (`node dist/cli.cjs …`), as a user or a git hook runs it.
 * "Cold" here means a new process each time (no warm JIT or caches in the CLI); the operating
 * system's file cache stays warm (dropping it needs root and would disturb other jobs).
 *
 * Vaults (`bench/.vaults/`, git-ignored, generated once): 10 top folders × 10 (10k) or
 * 100 (100k) subfolders × 100 notes; every folder has a folder note holding a waypoint
 * (110 / 1,010 index notes). Notes carry frontmatter (type, title, order, …).
 *
 * Scenarios: `check` with current indexes (the target: 100k under 5 s), `check` with titles
 * from frontmatter (every note has a `title`, so every listed note's YAML is parsed; all indexes
 * then differ, exit 1), `check` with titles on from a property no note has (the prefilter skips
 * every parse), `refresh` with nothing to write, and
 * `refresh` with every index stale (flags written back before each run; that reset, ~1k small
 * writes, is inside the timing) with and without `--no-fsync`. On "wide" vaults of framework
 * notes with 15 properties each (10k and 100k notes, folders of 100): `check` and
 * `compare --format json`, whose ratio issue 16 bounds (compare at most 2× check at 10k), and the
 * compare table at 100k for its peak memory.
 * Besides Vitest's table, a table of medians and peak memory (`/usr/bin/time`'s maximum resident
 * set size of the CLI process) is printed at the end; the figures are in BENCHMARKS.md.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { ensureVault, ensureWideVault, makeStale, noteCount, VAULTS, WIDE_VAULTS, type VaultShape } from "./cli-vaults";

const BASE = path.resolve("bench", ".vaults");
const CLI = path.resolve("dist", "cli.cjs");
const TIME = "/usr/bin/time";
const TITLES_CONFIG = ".fn-titles";
/** Titles on, but from a property no note has (the usual case: a few notes set a title). */
const TITLES_ABSENT_CONFIG = ".fn-titles-absent";

interface Sample {
	readonly ms: number;
	readonly rssKb: number | null;
}

const samples = new Map<string, Sample[]>();

function ensureCli(): void {
	if (fs.existsSync(CLI)) return;
	const built = spawnSync(process.execPath, ["esbuild.config.mjs", "--cli"], { encoding: "utf8" });
	if (built.status !== 0) throw new Error(`CLI build failed: ${built.stderr}`);
}

/**
 * Run the CLI in a new process; record wall time and peak memory under `label`. Asynchronous, so
 * that Vitest's worker stays responsive during long runs.
 */
async function cli(label: string, args: readonly string[], expectCode: number): Promise<void> {
	const useTime = fs.existsSync(TIME);
	const report = path.join(BASE, ".time");
	const command = useTime ? TIME : process.execPath;
	const argv = useTime ? ["-f", "%M", "-o", report, process.execPath, CLI, ...args] : [CLI, ...args];
	const start = performance.now();
	const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
		const child = spawn(command, argv, { stdio: ["ignore", "ignore", "pipe"] });
		let err = "";
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (chunk: string) => (err += chunk));
		child.on("error", reject);
		child.on("close", (status) => resolve({ code: status, stderr: err }));
	});
	const ms = performance.now() - start;
	if (code !== expectCode) throw new Error(`${label}: exit ${String(code)}, expected ${expectCode}: ${stderr}`);
	let rssKb: number | null = null;
	if (useTime) {
		const lines = fs.readFileSync(report, "utf8").trim().split("\n");
		rssKb = Number(lines[lines.length - 1]);
	}
	const list = samples.get(label) ?? [];
	list.push({ ms, rssKb });
	samples.set(label, list);
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function titlesConfig(root: string): void {
	for (const [configDir, index] of [
		[TITLES_CONFIG, { useTitleProperty: true }],
		[TITLES_ABSENT_CONFIG, { useTitleProperty: true, titleProperty: "display-title" }],
	] as const) {
		const dir = path.join(root, configDir, "plugins", "framework-notes");
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, "data.json"), JSON.stringify({ index }));
	}
}

const roots = new Map<string, string>();

beforeAll(() => {
	ensureCli();
	for (const shape of VAULTS) {
		const root = ensureVault(BASE, shape);
		// Start from current indexes (a generated vault holds bare flags).
		spawnSync(process.execPath, [CLI, "refresh", "--no-fsync", "-q", root]);
		titlesConfig(root);
		roots.set(shape.name, root);
	}
	for (const shape of WIDE_VAULTS) roots.set(shape.name, ensureWideVault(BASE, shape));
}, 600_000);

function scenarios(shape: VaultShape, iterations: number): void {
	const label = (what: string): string => `${shape.name}: ${what}`;
	const root = (): string => roots.get(shape.name) ?? "";
	const options = { iterations, warmupIterations: 0, time: 0, warmupTime: 0 };
	describe(`CLI, ${shape.name} notes (${noteCount(shape)})`, () => {
		const fewer = { ...options, iterations: Math.max(2, Math.floor(iterations / 2)) };
		bench(label("check, indexes current"), () => cli(label("check, indexes current"), ["check", "-q", root()], 0), options);
		bench(
			label("check, titles from frontmatter"),
			() => cli(label("check, titles from frontmatter"), ["check", "-q", "--config-dir", TITLES_CONFIG, root()], 1),
			fewer,
		);
		bench(
			label("check, titles on, no note has the property"),
			() =>
				cli(label("check, titles on, no note has the property"), ["check", "-q", "--config-dir", TITLES_ABSENT_CONFIG, root()], 0),
			fewer,
		);
		bench(label("refresh, nothing to write"), () => cli(label("refresh, nothing to write"), ["refresh", "-q", root()], 0), options);
		bench(
			label("refresh, every index stale"),
			async () => {
				makeStale(root(), shape);
				await cli(label("refresh, every index stale"), ["refresh", "-q", root()], 0);
			},
			fewer,
		);
		bench(
			label("refresh --no-fsync, every index stale"),
			async () => {
				makeStale(root(), shape);
				await cli(label("refresh --no-fsync, every index stale"), ["refresh", "--no-fsync", "-q", root()], 0);
			},
			fewer,
		);
	});
}

for (const shape of VAULTS) scenarios(shape, shape.name === "100k" ? 4 : 8);

for (const shape of WIDE_VAULTS) {
	const label = (what: string): string => `${shape.name}: ${what}`;
	const root = (): string => roots.get(shape.name) ?? "";
	const options = { iterations: shape.notes > 10_000 ? 3 : 6, warmupIterations: 0, time: 0, warmupTime: 0 };
	describe(`CLI, ${shape.name} (${shape.notes} framework notes, 15 properties)`, () => {
		bench(label("check"), () => cli(label("check"), ["check", "-q", root()], 0), options);
		bench(
			label("compare --format json"),
			() => cli(label("compare --format json"), ["compare", "--format", "json", root()], 0),
			options,
		);
		bench(label("compare (table)"), () => cli(label("compare (table)"), ["compare", "--width", "200", root()], 0), options);
	});
}

afterAll(() => {
	const rows = [...samples].map(([label, list]) => {
		const rss = list.map((s) => s.rssKb).filter((v): v is number => v !== null);
		const peak = rss.length ? `${(Math.max(...rss) / 1024).toFixed(0)} MB` : "–";
		return `| ${label} | ${list.length} | ${median(list.map((s) => s.ms)).toFixed(0)} ms | ${Math.min(...list.map((s) => s.ms)).toFixed(0)} ms | ${peak} |`;
	});
	process.stdout.write(
		[
			"",
			"CLI (fresh process per run)",
			"| Scenario | Runs | Median | Best | Peak RSS |",
			"|---|---:|---:|---:|---:|",
			...rows,
			"",
		].join("\n"),
	);
});
