/** Helpers for the CLI tests: vaults in temporary folders. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** A fresh temporary folder (removed by `cleanup`). */
export function tempDir(prefix = "fn-cli-"): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The CLI as users run it: bundled by esbuild the way `node esbuild.config.mjs --cli` does, into
 * a new temporary folder. Returns the folder and the bundle's path.
 */
export function buildCliBundle(prefix: string): { readonly dir: string; readonly cli: string } {
	const dir = tempDir(prefix);
	const cli = path.join(dir, "cli.cjs");
	const esbuild = path.resolve("node_modules", ".bin", "esbuild");
	const built = spawnSync(
		esbuild,
		["src/cli/main.ts", "--bundle", "--platform=node", "--format=cjs", "--target=node20", `--outfile=${cli}`, "--log-level=error"],
		{ encoding: "utf8" },
	);
	if (built.status !== 0) throw new Error(built.stderr);
	return { dir, cli };
}

/** Write `files` (vault path → text or bytes) into a new temporary vault folder. */
export function makeVault(files: Readonly<Record<string, string | Uint8Array>>, root = tempDir()): string {
	for (const [p, content] of Object.entries(files)) {
		const abs = path.join(root, ...p.split("/"));
		fs.mkdirSync(path.dirname(abs), { recursive: true });
		fs.writeFileSync(abs, content);
	}
	return root;
}

export function readVaultFile(root: string, p: string): string {
	return fs.readFileSync(path.join(root, ...p.split("/")), "utf8");
}

/** mtime (ns) of every file below `root`, by path: to prove nothing was written. */
export function mtimes(root: string): Map<string, bigint> {
	const out = new Map<string, bigint>();
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const abs = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else if (entry.isFile()) out.set(path.relative(root, abs), fs.statSync(abs, { bigint: true }).mtimeNs);
		}
	};
	walk(root);
	return out;
}

export function cleanup(...dirs: string[]): void {
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A file reader that fails with `code` (like Node's, e.g. EACCES) for files whose path ends with
 * one of `suffixes`, and reads the others: an unreadable note even for root, who reads anything.
 */
export function failingReader(code: string, ...suffixes: string[]): (absolutePath: string) => Uint8Array {
	return (absolutePath) => {
		const posix = absolutePath.split(path.sep).join("/");
		if (suffixes.some((s) => posix.endsWith(`/${s}`)))
			throw Object.assign(new Error(`${code}: cannot open '${absolutePath}'`), { code });
		return fs.readFileSync(absolutePath);
	};
}
