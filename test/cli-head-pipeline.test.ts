import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEAD_BATCH, HeadPipeline } from "../src/cli/head-pipeline";
import { HeadReader } from "../src/cli/text";
import { buildCliBundle, cleanup, makeVault, tempDir } from "./cli-helpers";
import { runCli } from "./cli-run-helper";

const dirs: string[] = [];
afterAll(() => cleanup(...dirs));

/** A source too large for a worker's slot (read on the main thread instead). */
const HUGE = `summary: ${"x".repeat(300 * 1024)}\n`;

/** The text of note `i`: every kind of top a note can have, in turn. */
function noteText(i: number): string | Uint8Array {
	switch (i % 7) {
		case 0:
			return `---\ntitle: Note ${i}\ntags:\n  - a\n---\nbody\n`;
		case 1:
			return `# Note ${i} without frontmatter\n`;
		case 2:
			return `\uFEFF---\r\ntitle: é ${i}\r\n---\r\n`;
		case 3:
			return Buffer.concat([Buffer.from(`---\ntitle: bad ${i} `), Buffer.from([0xff]), Buffer.from("\n---\n")]);
		case 4:
			return `---\ntitle: unclosed ${i}\n`;
		case 5:
			return i === 5 ? `---\n${HUGE}---\n` : `---\n---\n`;
		default:
			return `---\ncategory: web\nstars: ${i}\n---`;
	}
}

/** `count` notes in a new folder, plus a path that does not exist at the end. */
function notes(count: number): string[] {
	const dir = tempDir("fn-heads-");
	dirs.push(dir);
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const file = path.join(dir, `n${i}.md`);
		fs.writeFileSync(file, noteText(i));
		out.push(file);
	}
	out.push(path.join(dir, "missing.md"));
	return out;
}

const expected = (paths: readonly string[]): (string | null)[] => {
	const reader = new HeadReader();
	return paths.map((p) => reader.read(p).source);
};

describe("frontmatter read ahead, on the calling thread", () => {
	it("gives each file's source as HeadReader does, skipped files and all", () => {
		const paths = notes(300);
		const pipeline = HeadPipeline.start(paths, { threads: 0 });
		const want = expected(paths);
		expect(want.filter((s) => s !== null).length).toBeGreaterThan(100);
		for (let i = 0; i < paths.length; i++) {
			if (i % 5 === 1 || (i > 10 && i < HEAD_BATCH + 20)) continue; // some never asked for
			expect(pipeline.source(i), `file ${i}`).toBe(want[i]);
		}
		expect(pipeline.hasWorker).toBe(false);
	});

	it("answers undefined for a file of a batch already passed, or out of range", () => {
		const paths = notes(HEAD_BATCH * 2 + 3);
		const pipeline = HeadPipeline.start(paths, { threads: 0 });
		expect(pipeline.source(HEAD_BATCH + 1)).toBe(expected([paths[HEAD_BATCH + 1]])[0]);
		expect(pipeline.source(HEAD_BATCH - 1)).toBeUndefined();
		expect(pipeline.source(HEAD_BATCH + 2)).toBe(expected([paths[HEAD_BATCH + 2]])[0]);
		expect(pipeline.source(paths.length)).toBeUndefined();
		expect(pipeline.source(-1)).toBeUndefined();
	});
});

describe("frontmatter read ahead on a worker thread (a bundled program, as the CLI is)", () => {
	let program = "";
	beforeAll(() => {
		const dir = tempDir("fn-heads-build-");
		dirs.push(dir);
		program = path.join(dir, "heads.cjs");
		const esbuild = path.resolve("node_modules", ".bin", "esbuild");
		const args = ["test/kit/head-pipeline-entry.ts", "--bundle", "--platform=node", "--format=cjs", "--target=node20"];
		const built = spawnSync(esbuild, [...args, `--outfile=${program}`, "--log-level=error"], { encoding: "utf8" });
		if (built.status !== 0) throw new Error(built.stderr);
	}, 60_000);

	function runJob(job: object): { worker: boolean; readHere: number; sources: (string | null)[] } {
		const file = path.join(tempDir("fn-heads-job-"), "job.json");
		dirs.push(path.dirname(file));
		fs.writeFileSync(file, JSON.stringify(job));
		const result = spawnSync(process.execPath, [program, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
		expect(result.stderr).toBe("");
		return JSON.parse(result.stdout) as { worker: boolean; readHere: number; sources: (string | null)[] };
	}

	it("gives the same sources as reading each file here, most of them read by the worker", () => {
		const paths = notes(3000);
		const skip = [7, 8, 900, 2999];
		const out = runJob({ paths, threads: 1, mainBusyMs: 1500, skip, warm: true });
		const want = expected(paths);
		expect(out.worker).toBe(true);
		expect(out.sources).toHaveLength(paths.length);
		out.sources.forEach((source, i) => expect(source, `file ${i}`).toBe(skip.includes(i) ? "skipped" : want[i]));
		// The worker had time to read ahead: the main thread read only the sources too large for a slot.
		expect(out.readHere).toBeLessThan(paths.length / 2);
	}, 60_000);

	it("gives the same sources when its worker cannot start", () => {
		const paths = notes(600);
		const script = path.join(tempDir("fn-heads-none-"), "no-such-worker.cjs");
		const out = runJob({ paths, threads: 1, mainBusyMs: 0, skip: [], script });
		expect(out.sources).toEqual(expected(paths));
	}, 60_000);
});

describe("compare with frontmatter read ahead", () => {
	let buildDir = "";
	let cli = "";
	beforeAll(() => {
		({ dir: buildDir, cli } = buildCliBundle("fn-heads-cli-"));
		dirs.push(buildDir);
	}, 60_000);

	it("prints what the CLI prints without a worker, on a vault of thousands of notes", async () => {
		const files: Record<string, string | Uint8Array> = {};
		for (let i = 0; i < 2600; i++) {
			const folder = `F${i % 13}${i % 3 === 0 ? "/Sub" : ""}`;
			files[`${folder}/Framework ${i}.md`] =
				i % 11 === 0 ? noteText(i) : `---\ntype: framework\ncategory: c${i % 5}\nstars: ${i}\ntags: [x]\n---\n# ${i}\n`;
		}
		files["F1/Bad.md"] = "---\ntype: framework\na: [\n---\n";
		const root = makeVault(files);
		dirs.push(root);
		for (const format of ["json", "csv"]) {
			const built = spawnSync(process.execPath, [cli, "compare", root, "--format", format], {
				encoding: "utf8",
				maxBuffer: 64 * 1024 * 1024,
			});
			const inProcess = await runCli(["compare", root, "--format", format]);
			expect(inProcess.stdout.length).toBeGreaterThan(10_000);
			expect({ code: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual(inProcess);
		}
	}, 120_000);
});
