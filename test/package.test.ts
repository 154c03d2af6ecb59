/**
 * The CLI as a package: `npm run build` on a copy of the sources builds the plugin and the CLI,
 * `npm pack` makes a tarball with the CLI only, and `npm install -g` of that tarball into a
 * temporary prefix — offline, after the copy is gone — gives a working `framework-notes`
 * command. The pre-commit hook's entry is run through that command too.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, makeVault, readVaultFile, tempDir } from "./cli-helpers";

/** What the package needs to build; main.ts, src/ and the plugin files must not be shipped. */
const SOURCES = [
	"package.json",
	"esbuild.config.mjs",
	"tsconfig.json",
	"main.ts",
	"manifest.json",
	"styles.css",
	"README.md",
	"LICENSE",
	"bin",
	"src",
];
const SHIPPED = ["LICENSE", "README.md", "bin/framework-notes.mjs", "dist/cli.cjs", "package.json"];

const version = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version;
const dirs: string[] = [];
let prefix = "";
let installed = "";
let staging = "";
let built: { plugin: boolean; cli: boolean } = { plugin: false, cli: false };

/** npm with no settings inherited from an `npm test` that started this test. */
function npm(args: readonly string[], cwd: string, cache: string): SpawnSyncReturns<string> {
	const env: Record<string, string | undefined> = {};
	for (const [key, value] of Object.entries(process.env)) if (!key.toLowerCase().startsWith("npm_")) env[key] = value;
	env.npm_config_cache = cache;
	env.npm_config_update_notifier = "false";
	const result = spawnSync("npm", args, { cwd, env, encoding: "utf8" });
	if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
	return result;
}

/** Every file below `root`, as `/`-separated relative paths. */
function filesBelow(root: string): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const abs = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out.push(path.relative(root, abs).split(path.sep).join("/"));
		}
	};
	walk(root);
	return out.sort();
}

beforeAll(() => {
	const work = tempDir("fn-package-");
	dirs.push(work);
	staging = path.join(work, "source");
	const packDir = path.join(work, "pack");
	const cache = path.join(work, "npm-cache");
	prefix = path.join(work, "prefix");
	for (const dir of [staging, packDir, prefix]) fs.mkdirSync(dir);
	for (const name of SOURCES) fs.cpSync(path.resolve(name), path.join(staging, name), { recursive: true });
	fs.symlinkSync(fs.realpathSync("node_modules"), path.join(staging, "node_modules"), "dir");

	npm(["run", "build"], staging, cache);
	built = { plugin: fs.existsSync(path.join(staging, "main.js")), cli: fs.existsSync(path.join(staging, "dist", "cli.cjs")) };
	npm(["pack", "--pack-destination", packDir], staging, cache);
	const tarballs = fs.readdirSync(packDir).filter((name) => name.endsWith(".tgz"));
	if (tarballs.length !== 1) throw new Error(`expected one tarball, found: ${tarballs.join(", ")}`);
	// A machine without the repository: the sources are gone before the install.
	fs.rmSync(staging, { recursive: true, force: true });
	npm(["install", "-g", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", path.join(packDir, tarballs[0] ?? "")], work, cache);
	installed = path.join(prefix, "lib", "node_modules", "framework-notes");
}, 240_000);

afterAll(() => cleanup(...dirs));

function installedCli(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
	const result = spawnSync(path.join(prefix, "bin", "framework-notes"), args, { cwd, encoding: "utf8" });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the framework-notes package", () => {
	it("is built by npm run build together with the plugin", () => {
		expect(built).toEqual({ plugin: true, cli: true });
	});

	it("ships the CLI bundle and its launcher only, with no runtime dependency", () => {
		expect(filesBelow(installed)).toEqual(SHIPPED);
		const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as Record<string, unknown>;
		expect(manifest.private).toBeUndefined();
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.bin).toEqual({ "framework-notes": "bin/framework-notes.mjs" });
	});

	it("installs a working framework-notes command", () => {
		const elsewhere = tempDir("fn-package-cwd-");
		dirs.push(elsewhere);
		expect(installedCli(["--version"], elsewhere)).toMatchObject({ code: 0, stdout: `${version}\n` });

		const vault = makeVault({ "A/A.md": "# A\n%% Waypoint %%\n", "A/b.md": "", "A/c.md": "" });
		dirs.push(vault);
		expect(installedCli(["check", vault], elsewhere)).toMatchObject({ code: 1, stdout: "stale  A/A.md\n" });
		expect(installedCli(["refresh", vault], elsewhere)).toMatchObject({ code: 0, stdout: "updated  A/A.md\n" });
		expect(readVaultFile(vault, "A/A.md")).toBe("# A\n%% Begin Waypoint %%\n- [[b]]\n- [[c]]\n\n%% End Waypoint %%\n");
		expect(installedCli(["check", vault], elsewhere)).toMatchObject({ code: 0, stdout: "" });
	});

	it("runs the pre-commit hook's command in a vault's repository", () => {
		const hooks = parse(fs.readFileSync(".pre-commit-hooks.yaml", "utf8")) as unknown;
		expect(Array.isArray(hooks)).toBe(true);
		const hook = (hooks as Record<string, unknown>[]).find((h) => h.id === "framework-notes-check");
		expect(hook).toMatchObject({ language: "system", pass_filenames: false, always_run: true });
		const [command, ...entryArgs] = String(hook?.entry).split(" ");
		expect(command).toBe("framework-notes");
		const args = [...entryArgs, ...((hook?.args as string[] | undefined) ?? [])];

		// pre-commit runs a hook at the repository's root: here the vault itself.
		const vault = makeVault({ "Notes/Notes.md": "%% Waypoint %%\n", "Notes/x.md": "" });
		dirs.push(vault);
		expect(installedCli(args, vault).code).toBe(1);
		expect(installedCli(["refresh", "."], vault).code).toBe(0);
		expect(installedCli(args, vault)).toMatchObject({ code: 0, stdout: "" });
		fs.writeFileSync(path.join(vault, "Notes", "y.md"), "");
		expect(installedCli(args, vault)).toMatchObject({ code: 1, stdout: "stale  Notes/Notes.md\n" });
	});
});
