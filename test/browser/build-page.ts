/**
 * Builds the browser test page into `test-results/browser-page/`: one IIFE bundle of the page
 * (the plugin's own `main.ts` with `obsidian` aliased to the page's in-memory fake), the theme
 * stylesheet, the plugin's `styles.css`, and `examples/vault` inlined as a JSON map.
 */
import { build } from "esbuild";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PAGE_DIR = join(ROOT, "test-results", "browser-page");
export const VAULT_DIR = join(ROOT, "examples", "vault");

const TEXT_EXTENSIONS = new Set([".md", ".base", ".canvas", ".json", ".txt"]);

/** Every text file of a vault folder as `{ "Folder/Note.md": text }`; `.obsidian/plugins/` is left out. */
export async function readVault(dir: string): Promise<Record<string, string>> {
	const files: Record<string, string> = {};
	if (!existsSync(dir)) return files;
	const walk = async (folder: string): Promise<void> => {
		const entries = await readdir(folder, { withFileTypes: true });
		entries.sort((a, b) => a.name.localeCompare(b.name));
		for (const entry of entries) {
			const full = join(folder, entry.name);
			const path = relative(dir, full).split(sep).join("/");
			if (entry.isDirectory()) {
				if (path === ".obsidian/plugins" || path === ".git" || path === ".trash") continue;
				await walk(full);
			} else if (entry.isFile()) {
				const dot = entry.name.lastIndexOf(".");
				if (dot < 0 || !TEXT_EXTENSIONS.has(entry.name.slice(dot))) continue;
				files[path] = await readFile(full, "utf8");
			}
		}
	};
	await walk(dir);
	return files;
}

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Framework Notes — browser test bed</title>
<link rel="stylesheet" href="theme.css">
<link rel="stylesheet" href="styles.css">
</head>
<body class="theme-light">
<script src="page.js"></script>
</body>
</html>
`;

export interface BuiltPage {
	readonly dir: string;
	readonly vaultFiles: number;
}

export async function buildPage(outDir: string = PAGE_DIR): Promise<BuiltPage> {
	await mkdir(outDir, { recursive: true });
	const vault = await readVault(VAULT_DIR);
	await build({
		absWorkingDir: ROOT,
		entryPoints: [join(ROOT, "test/browser/page/main.ts")],
		outfile: join(outDir, "page.js"),
		bundle: true,
		platform: "browser",
		format: "iife",
		target: "es2021",
		sourcemap: "inline",
		logLevel: "warning",
		alias: { obsidian: join(ROOT, "test/browser/page/obsidian.ts") },
		define: { __EXAMPLE_VAULT__: JSON.stringify(vault) },
	});
	await copyFile(join(ROOT, "test/browser/page/theme.css"), join(outDir, "theme.css"));
	const styles = join(ROOT, "styles.css");
	if (existsSync(styles)) await copyFile(styles, join(outDir, "styles.css"));
	else await writeFile(join(outDir, "styles.css"), "/* the plugin has no styles.css yet */\n");
	await writeFile(join(outDir, "index.html"), HTML);
	return { dir: outDir, vaultFiles: Object.keys(vault).length };
}
