/**
 * `facts` on 100 framework notes against local servers that answer each request after 50 ms: one
 * answering as PyPI, one as GitHub (two hosts, as pypi.org and api.github.com are). The time is
 * from the command to its finished output (`--dry-run`, so every run does the same requests);
 * target under 2 s, a bound set by the requests allowed at once per host, not by parsing.
 * The median is printed after Vitest's table.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { run } from "../src/cli/run";
import { generatedProjects, startRegistries, type FakeRegistries } from "../test/kit/fake-registries";

const NOTES = 100;
const LATENCY_MS = 50;
const timings: number[] = [];
let root = "";
let pypi: FakeRegistries | null = null;
let github: FakeRegistries | null = null;

beforeAll(async () => {
	const projects = generatedProjects(NOTES);
	pypi = await startRegistries(projects);
	github = await startRegistries(projects);
	pypi.latency = LATENCY_MS;
	github.latency = LATENCY_MS;
	root = fs.mkdtempSync(path.join(os.tmpdir(), "fn-facts-bench-"));
	for (const name of projects.keys()) {
		const dir = path.join(root, "Frameworks");
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, `${name}.md`), `---\ntype: framework\npackage: pypi:${name}\nlicense:\n---\n`);
	}
});

afterAll(async () => {
	await pypi?.server.close();
	await github?.server.close();
	fs.rmSync(root, { recursive: true, force: true });
	const sorted = [...timings].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	process.stdout.write(
		`\nfacts, ${NOTES} notes, ${LATENCY_MS} ms per answer: median ${median?.toFixed(0) ?? "-"} ms (${sorted.length} runs; target < 2000 ms)\n`,
	);
});

describe("facts", () => {
	bench(
		`${NOTES} notes, every answer after ${LATENCY_MS} ms (dry run)`,
		async () => {
			if (pypi === null || github === null) throw new Error("servers not started");
			const pypiBase = `${pypi.server.base}/pypi-host`;
			const githubBase = `${github.server.base}/github-host`;
			let stdout = "";
			let stderr = "";
			const start = performance.now();
			const code = await run(
				[
					"facts",
					root,
					"--dry-run",
					"--pypi-url",
					pypiBase,
					"--github-url",
					githubBase,
					"--npm-url",
					pypiBase,
					"--crates-url",
					pypiBase,
				],
				{
					stdout: (t) => (stdout += t),
					stderr: (t) => (stderr += t),
					cwd: root,
					env: () => undefined,
				},
			);
			timings.push(performance.now() - start);
			if (code !== 0 || !stdout.includes("Frameworks/project-100.md  stars: 1000"))
				throw new Error(`facts failed (${code}): ${stderr.slice(0, 500)}`);
		},
		{ iterations: 5, time: 0, warmupIterations: 1 },
	);
});
