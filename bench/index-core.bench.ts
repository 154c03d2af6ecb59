/**
 * Index core: synthetic in-memory vaults of 1k, 10k and 100k notes (folders 3–4 deep,
 * a folder note with a waypoint block in every folder, unique and duplicate names).
 *
 * - "full refresh": `refreshNoteText` on every folder note (each index lists its own folder and
 *   stops at the nested waypoints below), first with stale blocks (every index changes), then
 *   with up-to-date blocks (nothing changes, nothing would be written).
 * - "one index over N notes": regenerate a single index whose tree holds the whole vault (the
 *   nested folder notes hold landmarks, which do not stop a waypoint) — the figure Waypoint
 *   3.0.1 needs ≈72 ms for at 10k notes and ≈0.5 s at 50k.
 * Figures go in BENCHMARKS.md, section "Index core". Besides Vitest's wall-clock table, the
 * bench prints the median CPU time per run (process.cpuUsage), which a busy shared machine
 * disturbs far less than wall time.
 */
import { afterAll, bench, describe } from "vitest";
import { refreshNoteText, type RefreshContext } from "../src/index-notes/core/index";
import { refreshContextFor } from "../src/index-notes/core/testing";
import { DEFAULT_INDEX_SETTINGS } from "../src/shared/core/settings";
import { snapshotFromFiles, type FileSpec, type TestSnapshot } from "../src/shared/core/testing/snapshot";

const STALE = "# Index\n\n%% Begin Waypoint %%\n- [[stale]]]]\n\n%% End Waypoint %%\n\nProse after the block.\n";

interface Synthetic {
	readonly vault: TestSnapshot;
	readonly folderNotes: readonly string[];
	readonly ctx: RefreshContext;
	/** Up-to-date text of every folder note. */
	readonly fresh: ReadonlyMap<string, string>;
}

/**
 * `notes` notes spread over a tree `V/L1/L2/L3` (4 levels), about a dozen notes per folder.
 * Every folder has a folder note holding `kind` (the top one always a waypoint). Names: mostly
 * unique (`Note 123`), plus an `Overview` and a `Changelog` in every folder (duplicates).
 */
function synthetic(notes: number, nested: "waypoint" | "landmark"): Synthetic {
	const perFolder = 12;
	const branching = Math.max(2, Math.round(Math.cbrt(notes / perFolder)));
	const folders: string[] = ["V"];
	for (let a = 0; a < branching; a++) {
		folders.push(`V/Area ${a}`);
		for (let b = 0; b < branching; b++) {
			folders.push(`V/Area ${a}/Topic ${b}`);
			for (let c = 0; c < branching; c++) folders.push(`V/Area ${a}/Topic ${b}/Part ${c}`);
		}
	}
	const files: Record<string, FileSpec> = {};
	const folderNotes: string[] = [];
	for (const f of folders) {
		const name = f.slice(f.lastIndexOf("/") + 1);
		const note = `${f}/${name}.md`;
		const flag = f === "V" || nested === "waypoint" ? "Waypoint" : "Landmark";
		files[note] = { text: STALE.replace(/Waypoint/g, flag), mtime: 1 };
		folderNotes.push(note);
	}
	let made = folders.length;
	let i = 0;
	while (made < notes) {
		const folder = folders[i % folders.length];
		const slot = Math.floor(i / folders.length);
		const name = slot === 0 ? "Overview" : slot === 1 ? "Changelog" : `Note ${i}`;
		files[`${folder}/${name}.md`] = { text: "", mtime: i };
		made++;
		i++;
	}
	const vault = snapshotFromFiles(files);
	const ctx = refreshContextFor(vault, DEFAULT_INDEX_SETTINGS);
	const fresh = new Map<string, string>();
	for (const p of folderNotes) {
		const out = refreshNoteText(p, vault.text(p)!, ctx);
		fresh.set(p, out.status === "changed" ? out.text : vault.text(p)!);
	}
	return { vault, folderNotes, ctx, fresh };
}

function refreshAll(s: Synthetic, texts: (p: string) => string): number {
	let changed = 0;
	for (const p of s.folderNotes) {
		const out = refreshNoteText(p, texts(p), s.ctx);
		if (out.status === "error") throw new Error(out.message);
		if (out.status === "changed") changed++;
	}
	return changed;
}

const cpuSamples = new Map<string, number[]>();

/** The same function, also recording the CPU time of each run under `label`. */
function timed(label: string, fn: () => void): () => void {
	const samples: number[] = [];
	cpuSamples.set(label, samples);
	return () => {
		const start = process.cpuUsage();
		fn();
		const used = process.cpuUsage(start);
		samples.push((used.user + used.system) / 1000);
	};
}

afterAll(() => {
	const rows: string[] = [];
	for (const [label, samples] of cpuSamples) {
		if (samples.length === 0) continue;
		const sorted = [...samples].sort((a, b) => a - b);
		rows.push(`${label.padEnd(72)} median CPU ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms (${sorted.length} runs)`);
	}
	process.stdout.write(`\nIndex core, CPU time per run:\n${rows.join("\n")}\n`);
});

const cache = new Map<string, Synthetic>();
function vaultOf(notes: number, nested: "waypoint" | "landmark"): Synthetic {
	const key = `${notes}/${nested}`;
	let s = cache.get(key);
	if (s === undefined) {
		s = synthetic(notes, nested);
		cache.set(key, s);
	}
	return s;
}

for (const notes of [1_000, 10_000, 100_000]) {
	describe(`full refresh, ${notes} notes`, () => {
		bench(
			"all indexes, stale blocks (every index changes)",
			timed(`full refresh ${notes}, stale`, () => {
				const s = vaultOf(notes, "waypoint");
				if (refreshAll(s, (p) => s.vault.text(p)!) !== s.folderNotes.length) throw new Error("expected every index to change");
			}),
			{ time: notes >= 100_000 ? 8000 : 2000, iterations: 5, warmupIterations: 1 },
		);
		bench(
			"all indexes, up to date (nothing changes)",
			timed(`full refresh ${notes}, up to date`, () => {
				const s = vaultOf(notes, "waypoint");
				if (refreshAll(s, (p) => s.fresh.get(p)!) !== 0) throw new Error("expected no change");
			}),
			{ time: notes >= 100_000 ? 8000 : 2000, iterations: 5, warmupIterations: 1 },
		);
	});
}

for (const notes of [10_000, 50_000, 100_000]) {
	describe(`one index over ${notes} notes`, () => {
		bench(
			"regenerate the top index (whole vault in one tree)",
			timed(`one index over ${notes} notes`, () => {
				const s = vaultOf(notes, "landmark");
				const out = refreshNoteText("V/V.md", s.vault.text("V/V.md")!, s.ctx);
				if (out.status !== "changed") throw new Error("expected a change");
			}),
			{ time: 3000, iterations: 5, warmupIterations: 1 },
		);
	});
}
