// Builds the plugin (`main.js`, CommonJS, for Obsidian) and, separately, the Node CLI (`dist/cli.cjs`).
// `npm run build` runs it twice (--production, then --cli); `npm pack` builds the CLI first (prepack).
//   node esbuild.config.mjs                 one development build of main.js (inline source maps)
//   node esbuild.config.mjs --watch [vault] rebuild on change; copy into <vault>/.obsidian/plugins/framework-notes
//                                           (or $OBSIDIAN_VAULT) after each build
//   node esbuild.config.mjs --production    minified main.js, no source map
//   node esbuild.config.mjs --cli           the CLI bundle only
import { builtinModules } from "node:module";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import builtins from "builtin-modules";
import esbuild from "esbuild";

const args = process.argv.slice(2);
const production = args.includes("--production");
const watch = args.includes("--watch");
const cliOnly = args.includes("--cli");
const vaultArg = args.find((a) => !a.startsWith("--"));
const vault = vaultArg ?? process.env.OBSIDIAN_VAULT ?? "";

const nodeBuiltins = [...new Set([...builtins, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)])];

/** Copy the built plugin into a vault's plugin folder, when one was given. */
const installIntoVault = {
	name: "install-into-vault",
	setup(build) {
		build.onEnd(async (result) => {
			if (!vault || result.errors.length > 0) return;
			const target = path.join(vault, ".obsidian", "plugins", "framework-notes");
			await mkdir(target, { recursive: true });
			for (const file of ["main.js", "manifest.json", "styles.css"]) await copyFile(file, path.join(target, file));
			process.stdout.write(`framework-notes: installed into ${target}\n`);
		});
	},
};

/** Fail the plugin build if Node-only or test code slipped into main.js. */
const guardPluginBundle = {
	name: "guard-plugin-bundle",
	setup(build) {
		build.onResolve({ filter: /(^|\/)(src\/cli|test)\// }, (resolveArgs) => ({
			errors: [{ text: `main.js must not include ${resolveArgs.path} (imported from ${resolveArgs.importer})` }],
		}));
	},
};

export const pluginOptions = {
	entryPoints: ["main.ts"],
	bundle: true,
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...nodeBuiltins],
	format: "cjs",
	target: "es2021",
	platform: "browser",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	minify: production,
	treeShaking: true,
	legalComments: "none",
	outfile: "main.js",
	plugins: [guardPluginBundle, installIntoVault],
};

export const cliOptions = {
	entryPoints: ["src/cli/main.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile: "dist/cli.cjs",
	logLevel: "info",
	sourcemap: false,
	banner: { js: "/* Framework Notes CLI: built from src/cli by esbuild.config.mjs */" },
};

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);

if (!invokedDirectly) {
	// Imported (by tests): export the options only.
} else if (cliOnly) {
	await esbuild.build(cliOptions);
} else if (watch) {
	const context = await esbuild.context(pluginOptions);
	await context.watch();
} else {
	await esbuild.build(pluginOptions);
}
