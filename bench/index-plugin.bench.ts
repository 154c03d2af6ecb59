/**
 * Index notes, plugin side: the engine that turns vault events into index writes,
 * over a lightweight in-memory vault (the shapes Obsidian hands the plugin, without the mock's
 * proxies), at 1k / 10k / 100k notes.
 *
 * Vaults: folders 3 deep (1k, 10k) or 4 deep (100k), a folder note holding a waypoint in every
 * folder, ten notes per leaf folder, half of them with names repeated in every folder
 * ("Overview", "Setup", …) and half unique.
 *
 * Measured: full refresh (flags → blocks, then nothing changed: 0 writes), one new note (time and
 * notes written: must be exactly the one affected index), 100 new notes in 100 subfolders in one
 * burst (each affected index written once), and the Waypoint reference case: 100 creates in 100
 * subfolders under ONE index (written once). Besides Vitest's table, a median table with write
 * counts is printed at the end (`npm run bench`); the figures are in BENCHMARKS.md.
 */
import { afterAll, bench, describe } from "vitest";
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from "../src/shared/core/settings";
import { IndexEngine, type RefreshReport } from "../src/index-notes/core/engine";
import { MemoryVault } from "../test/index-memory-vault";

const DUPLICATES = ["Overview", "Setup", "Usage", "Notes", "API"];

interface Fixture {
	readonly vault: MemoryVault;
	readonly engine: IndexEngine;
	readonly leaves: readonly string[];
	readonly notes: number;
	readonly folders: number;
}

/**
 * `branching` top folders, each `branching` subfolders per level, `depth` folder levels below the
 * vault root, `perLeaf` notes in each leaf folder. A waypoint folder note in every folder; or
 * (`single`) one top folder `F` holding the vault's only index over the same tree.
 */
function buildVault(branching: number, depth: number, perLeaf: number, single = false): Fixture {
	const vault = new MemoryVault();
	const leaves: string[] = [];
	let notes = 0;
	let folders = 0;
	let unique = 0;
	const walk = (path: string, name: string, level: number): void => {
		folders++;
		vault.folder(path);
		if (!single) vault.addFile(`${path}/${name}.md`, `# ${name}\n%% Waypoint %%\n`);
		if (level === depth) {
			leaves.push(path);
			for (let i = 0; i < perLeaf; i++) {
				const base = i % 2 === 0 ? (DUPLICATES[(i / 2) % DUPLICATES.length] ?? "Dup") : `Note ${++unique}`;
				vault.addFile(`${path}/${base}.md`, `Text of ${base}.`);
				notes++;
			}
			return;
		}
		for (let i = 1; i <= branching; i++) walk(`${path}/${name}-${i}`, `${name}-${i}`, level + 1);
	};
	if (single) {
		vault.folder("F");
		vault.addFile("F/F.md", "# F\n%% Waypoint %%\n");
		for (let i = 1; i <= branching; i++) walk(`F/T${i}`, `T${i}`, 2);
	} else {
		for (let i = 1; i <= branching; i++) walk(`T${i}`, `T${i}`, 1);
	}
	const settings: IndexSettings = { ...DEFAULT_INDEX_SETTINGS };
	return { vault, engine: new IndexEngine(vault.io(() => settings)), leaves, notes, folders };
}

interface Row {
	readonly name: string;
	readonly medianMs: number;
	readonly runs: number;
	readonly written: string;
	readonly read: string;
}
const rows: Row[] = [];

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function assertWrites(label: string, report: RefreshReport, expected: readonly string[]): void {
	const got = [...report.written].sort();
	const want = [...expected].sort();
	if (got.length !== want.length || got.some((p, i) => p !== want[i])) {
		throw new Error(`${label}: wrote ${got.length} notes (${got.slice(0, 3).join(", ")}…), expected ${want.length}`);
	}
}

/** The folder note of a leaf folder. */
function noteOf(folder: string): string {
	return `${folder}/${folder.slice(folder.lastIndexOf("/") + 1)}.md`;
}

let serial = 0;

/** One new note in a leaf folder, applied: returns the report. */
async function oneNewNote(f: Fixture, leafIndex: number): Promise<{ report: RefreshReport; leaf: string }> {
	const leaf = f.leaves[leafIndex % f.leaves.length] ?? "";
	const path = `${leaf}/New ${++serial}.md`;
	f.vault.addFile(path, "");
	f.engine.created(path, true);
	return { report: await f.engine.flush(), leaf };
}

/** One new note in each of 100 different leaf folders, one burst. */
async function hundredNewNotes(f: Fixture, offset: number): Promise<{ report: RefreshReport; leaves: string[] }> {
	const leaves: string[] = [];
	const step = Math.max(1, Math.floor(f.leaves.length / 100));
	for (let i = 0; i < 100; i++) {
		const leaf = f.leaves[(offset + i * step) % f.leaves.length] ?? "";
		leaves.push(leaf);
		const path = `${leaf}/Burst ${++serial}.md`;
		f.vault.addFile(path, "");
		f.engine.created(path, true);
	}
	return { report: await f.engine.flush(), leaves: [...new Set(leaves)] };
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
	const start = performance.now();
	const result = await work();
	return [performance.now() - start, result];
}

/** Measure every scenario of one vault size with medians and write counts (printed at the end). */
async function measure(label: string, f: Fixture, runs: number): Promise<void> {
	const [firstMs, first] = await time(() => f.engine.refreshAll());
	if (first.written.length !== first.indexes)
		throw new Error(`${label}: first refresh wrote ${first.written.length} of ${first.indexes}`);
	rows.push({
		name: `${label}: first refresh (flags → blocks)`,
		medianMs: firstMs,
		runs: 1,
		written: `${first.written.length}`,
		read: `${first.read}`,
	});

	const idle: number[] = [];
	let idleReport: RefreshReport | null = null;
	for (let i = 0; i < Math.max(3, Math.ceil(runs / 4)); i++) {
		const [ms, report] = await time(() => f.engine.refreshAll());
		assertWrites(`${label} nothing changed`, report, []);
		idle.push(ms);
		idleReport = report;
	}
	rows.push({
		name: `${label}: full refresh, nothing changed`,
		medianMs: median(idle),
		runs: idle.length,
		written: "0",
		read: `${idleReport?.read ?? 0}`,
	});

	const one: number[] = [];
	let oneRead = 0;
	for (let i = 0; i < runs; i++) {
		const [ms, { report, leaf }] = await time(() => oneNewNote(f, i * 7));
		assertWrites(`${label} one new note`, report, [noteOf(leaf)]);
		one.push(ms);
		oneRead = report.read;
	}
	rows.push({ name: `${label}: one new note`, medianMs: median(one), runs, written: "1 (its folder's index)", read: `${oneRead}` });

	const burst: number[] = [];
	let burstWritten = 0;
	for (let i = 0; i < Math.max(3, Math.ceil(runs / 4)); i++) {
		const [ms, { report, leaves }] = await time(() => hundredNewNotes(f, i * 13));
		assertWrites(`${label} 100 new notes`, report, leaves.map(noteOf));
		burst.push(ms);
		burstWritten = report.written.length;
	}
	rows.push({
		name: `${label}: 100 new notes in 100 subfolders, one burst`,
		medianMs: median(burst),
		runs: burst.length,
		written: `${burstWritten} (each index once)`,
		read: "-",
	});
}

/** Waypoint's reference case: one index over the whole tree, 100 creates in 100 subfolders. */
async function measureSingleIndex(label: string, f: Fixture, runs: number): Promise<void> {
	await f.engine.refreshAll();
	const burst: number[] = [];
	for (let i = 0; i < runs; i++) {
		const [ms, { report }] = await time(() => hundredNewNotes(f, i * 13));
		assertWrites(`${label} single index`, report, ["F/F.md"]);
		burst.push(ms);
	}
	rows.push({ name: `${label}: 100 creates in 100 subfolders under one index`, medianMs: median(burst), runs, written: "1", read: "-" });
}

const sizes = {
	"1k": () => buildVault(5, 3, 8),
	"10k": () => buildVault(10, 3, 10),
	"100k": () => buildVault(10, 4, 10),
} as const;

const fixtures = new Map<string, Promise<Fixture>>();
/**
 * The vault of one size with every flag already expanded (Vitest runs no hooks around bench
 * tasks, so the first call, a warm-up one, pays for building it).
 */
function fixture(label: keyof typeof sizes): Promise<Fixture> {
	let f = fixtures.get(label);
	if (!f) {
		const built = sizes[label]();
		f = built.engine.refreshAll().then(() => built);
		fixtures.set(label, f);
	}
	return f;
}

let measured: Promise<void> | null = null;
function measureAll(): Promise<void> {
	measured ??= (async () => {
		for (const label of ["1k", "10k", "100k"] as const) {
			const f = sizes[label]();
			await measure(`${label} (${f.notes} notes, ${f.folders} indexes)`, f, 41);
		}
		for (const [label, build] of [
			["10k", () => buildVault(10, 4, 10, true)],
			["100k", () => buildVault(10, 5, 10, true)],
		] as const) {
			const f = build();
			await measureSingleIndex(`${label} (${f.notes} notes, 1 index)`, f, 5);
		}
	})();
	return measured;
}

afterAll(async () => {
	if (process.env.SKIP_MEDIANS) return;
	await measureAll();
	const width = Math.max(...rows.map((r) => r.name.length));
	process.stdout.write(`\nIndex notes (plugin), medians — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
	for (const r of rows) {
		process.stdout.write(
			`${r.name.padEnd(width)}  ${r.medianMs.toFixed(2).padStart(9)} ms  (runs ${r.runs}, written ${r.written}, read ${r.read})\n`,
		);
	}
}, 600_000);

/** Vitest drops a whole group silently when one bench throws: say why first. */
function loud(work: () => Promise<void>): () => Promise<void> {
	return async () => {
		try {
			await work();
		} catch (error) {
			console.error("bench failed:", error);
			throw error;
		}
	};
}

for (const label of ["1k", "10k", "100k"] as const) {
	describe(`index plugin engine, ${label} vault`, () => {
		let i = 0;
		bench(
			"one new note (1 write)",
			loud(async () => {
				const f = await fixture(label);
				const { report, leaf } = await oneNewNote(f, i++ * 7);
				assertWrites("one new note", report, [noteOf(leaf)]);
			}),
			{ iterations: 20, time: 500 },
		);
		bench(
			"100 new notes in 100 subfolders (each index once)",
			loud(async () => {
				const f = await fixture(label);
				const { report, leaves } = await hundredNewNotes(f, i++ * 13);
				assertWrites("100 new notes", report, leaves.map(noteOf));
			}),
			{ iterations: 5, time: 500 },
		);
		bench(
			"full refresh, nothing changed (0 writes)",
			loud(async () => {
				const report = await (await fixture(label)).engine.refreshAll();
				assertWrites("nothing changed", report, []);
			}),
			{ iterations: 3, time: 500 },
		);
	});
}
