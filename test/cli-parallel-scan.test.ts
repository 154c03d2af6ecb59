import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ByteScan, enableScanWorkers } from "../src/cli/parallel-scan";
import { cleanup, tempDir } from "./cli-helpers";

const NEEDLE = "%% Waypoint %%";
const dirs: string[] = [];
afterAll(() => cleanup(...dirs));
afterEach(() => enableScanWorkers(null));

/** `count` files in a new folder; the ones at `hits` hold the needle (some across a 64 KiB boundary). */
function files(count: number, hits: ReadonlySet<number>): string[] {
	const dir = tempDir("fn-scan-");
	dirs.push(dir);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const file = path.join(dir, `n${i}.md`);
		let text = `# Note ${i}\n%% Waypoint %\n`; // a near miss in every file
		if (hits.has(i)) text = i % 2 === 0 ? `${"x".repeat(65536 - 5)}${NEEDLE}\n` : `# Note ${i}\n${NEEDLE}\n`;
		fs.writeFileSync(file, text);
		out.push(file);
	}
	return out;
}

const hitIndexes = (answers: readonly boolean[]): number[] => answers.flatMap((hit, i) => (hit ? [i] : []));

describe("scanning many files for a needle", () => {
	it("finds exactly the files that hold it, across chunk boundaries, on the calling thread", () => {
		const hits = new Set([0, 63, 64, 65, 130, 199]);
		const paths = files(200, hits);
		paths.push(path.join(path.dirname(paths[0]), "missing.md"));
		const scan = ByteScan.start(paths, [Buffer.from(NEEDLE)], { threads: 0 });
		const seen: number[] = [];
		const answers = scan.finish((done, total) => {
			expect(total).toBe(201);
			seen.push(done);
		});
		expect(hitIndexes(answers)).toEqual([...hits].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(201);
	});

	it("gives the same answer when its workers cannot start", () => {
		const hits = new Set([5, 70, 140]);
		const paths = files(150, hits);
		enableScanWorkers(path.join(tempDir("fn-scan-none-"), "no-such-worker.cjs"));
		const scan = ByteScan.start(paths, [Buffer.from(NEEDLE)], { threads: 2 });
		expect(hitIndexes(scan.finish())).toEqual([5, 70, 140]);
	});

	it("with heads on the calling thread, gives each file's frontmatter source too", () => {
		const paths = files(130, new Set([2, 129]));
		fs.writeFileSync(paths[1], "---\ntitle: One\n---\n%% Waypoint %%\n");
		fs.writeFileSync(paths[70], "\uFEFF---\ntags: [a]\n---\nbody\n");
		const scan = ByteScan.start(paths, [Buffer.from(NEEDLE)], { threads: 0, heads: true });
		expect(scan.sources()).toBeNull(); // not finished yet
		expect(hitIndexes(scan.finish())).toEqual([1, 2, 129]);
		const sources = scan.sources() ?? [];
		expect(sources).toHaveLength(130);
		expect(sources.flatMap((source, i) => (source === null ? [] : [[i, source]]))).toEqual([
			[1, "title: One\n"],
			[70, "tags: [a]\n"],
		]);
	});

	it("answers no for every file when there is nothing to look for", () => {
		const paths = files(3, new Set([1]));
		expect(ByteScan.start(paths, [Buffer.alloc(0)], { threads: 0 }).finish()).toEqual([false, false, false]);
	});
});

describe("scanning on worker threads (a bundled program, as the CLI is)", () => {
	let program = "";
	beforeAll(() => {
		const dir = tempDir("fn-scan-build-");
		dirs.push(dir);
		program = path.join(dir, "scan.cjs");
		const esbuild = path.resolve("node_modules", ".bin", "esbuild");
		const built = spawnSync(
			esbuild,
			[
				"test/kit/byte-scan-entry.ts",
				"--bundle",
				"--platform=node",
				"--format=cjs",
				"--target=node20",
				`--outfile=${program}`,
				"--log-level=error",
			],
			{ encoding: "utf8" },
		);
		if (built.status !== 0) throw new Error(built.stderr);
	}, 60_000);

	it("spreads the files over two workers and the main thread and finds every hit", () => {
		const hits = new Set([1, 64, 1000, 2047, 4095, 4999]);
		const paths = files(5000, hits);
		const job = path.join(path.dirname(paths[0]), "job.json");
		fs.writeFileSync(job, JSON.stringify({ paths, needles: [NEEDLE, "%% Landmark %%"], threads: 2, mainBusyMs: 1500 }));
		const result = spawnSync(process.execPath, [program, job], { encoding: "utf8" });
		expect(result.stderr).toBe("");
		const out = JSON.parse(result.stdout) as { workers: number; byWorkers: number; hits: number[] };
		expect(out.workers).toBe(2);
		expect(out.byWorkers).toBeGreaterThan(0);
		expect(out.hits).toEqual([1, 64, 1000, 2047, 4095, 4999]);
	}, 60_000);

	it("with heads, also returns every file's frontmatter source, read by the workers on the same open", () => {
		const hits = new Set([3, 64, 2100, 4998]);
		const paths = files(5000, hits);
		// Every third file gets frontmatter (one of them also holds the needle below it).
		paths.forEach((file, i) => {
			if (i % 3 === 0) fs.writeFileSync(file, `---\ntitle: Note ${i}\n---\n${fs.readFileSync(file, "utf8")}`);
		});
		const job = path.join(path.dirname(paths[0]), "job-heads.json");
		fs.writeFileSync(job, JSON.stringify({ paths, needles: [NEEDLE], threads: 2, mainBusyMs: 1500, heads: true }));
		const result = spawnSync(process.execPath, [program, job], { encoding: "utf8" });
		expect(result.stderr).toBe("");
		const out = JSON.parse(result.stdout) as { workers: number; byWorkers: number; hits: number[]; sources: (string | null)[] };
		expect(out.workers).toBe(2);
		expect(out.byWorkers).toBeGreaterThan(0);
		expect(out.hits).toEqual([3, 64, 2100, 4998]);
		expect(out.sources).toHaveLength(5000);
		out.sources.forEach((source, i) => expect(source).toBe(i % 3 === 0 ? `title: Note ${i}\n` : null));
	}, 60_000);
});
