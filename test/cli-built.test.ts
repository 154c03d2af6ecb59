import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile, buildCliBundle } from "./cli-helpers";

// The CLI as users run it: bundled by esbuild the way `node esbuild.config.mjs --cli` does,
// then started as a separate Node process.
let buildDir = "";
let cli = "";
const dirs: string[] = [];

beforeAll(() => {
	({ dir: buildDir, cli } = buildCliBundle("fn-cli-build-"));
}, 60_000);

afterAll(() => cleanup(buildDir, ...dirs));

function node(args: readonly string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the built CLI", () => {
	it("is a self-contained Node bundle without Obsidian", () => {
		const text = fs.readFileSync(cli, "utf8");
		expect(text).not.toMatch(/require\(["']obsidian["']\)/);
		expect(text).not.toMatch(/require\(["']yaml["']\)/);
	});

	it("checks, refreshes and checks again with the documented exit codes", () => {
		const root = makeVault({ "A/A.md": "# A\r\n%% Waypoint %%\r\n", "A/b.md": "", "A/Sub/c.md": "" });
		dirs.push(root);
		const stale = node(["check", root]);
		expect(stale).toMatchObject({ code: 1, stdout: "stale  A/A.md\n" });
		expect(node(["refresh", root])).toMatchObject({ code: 0, stdout: "updated  A/A.md\n" });
		expect(readVaultFile(root, "A/A.md")).toBe(
			"# A\r\n%% Begin Waypoint %%\r\n- **Sub**\r\n\t- [[c]]\r\n- [[b]]\r\n\r\n%% End Waypoint %%\r\n",
		);
		expect(node(["check", root]).code).toBe(0);
		expect(node(["check", path.join(root, "missing")]).code).toBe(2);
		expect(node(["nonsense"]).code).toBe(2);
	});

	it("finds a misplaced flag among thousands of notes, read by its scan workers", () => {
		const files: Record<string, string> = { "A/A.md": "# A\n%% Waypoint %%\n" };
		for (let i = 0; i < 4200; i++) files[`A/B/n${i}.md`] = `# Note ${i}\n`;
		files["A/B/n4100.md"] = "# Note 4100\n%% Waypoint %%\n";
		const root = makeVault(files);
		dirs.push(root);
		expect(node(["refresh", "-q", root])).toMatchObject({ code: 0, stdout: "updated  A/A.md\nupdated  A/B/n4100.md\n", stderr: "" });
		expect(readVaultFile(root, "A/B/n4100.md")).toContain("%% Error");
		expect(node(["check", "-q", root])).toMatchObject({ code: 0, stdout: "", stderr: "" });
	}, 60_000);

	it("prints help and version", () => {
		expect(node(["--help"]).stdout).toContain("Usage: framework-notes <command>");
		const version = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
		expect(node(["--version"]).stdout).toBe(`${version.version}\n`);
	});

	it("stops quietly when its reader closes the output early (… | head)", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 3000; i++) files[`F/Framework ${i}.md`] = `---\ntype: framework\nsummary: ${"s".repeat(80)} ${i}\n---\n`;
		const root = makeVault(files);
		dirs.push(root);
		const child = spawn(process.execPath, [cli, "compare", root, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"] });
		let stderr = "";
		child.stderr.setEncoding("utf8");
		child.stderr.on("data", (chunk: string) => (stderr += chunk));
		// Read the first chunk only, then close the pipe as `head` does.
		const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString("utf8"))));
		child.stdout.destroy();
		const code = await new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
		expect(first.startsWith('{\n  "columns": [')).toBe(true);
		expect(stderr).toBe("");
		expect(code).toBe(0);
	}, 60_000);
});
