import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "dist/", "examples/", "test-results/", "bench/.vaults/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: [
						"eslint.config.mjs",
						"esbuild.config.mjs",
						"version-bump.mjs",
						"scripts/*.mjs",
						"bench/*.mjs",
						"bin/*.mjs",
					],
				},
				tsconfigRootDir: import.meta.dirname,
			},
		},
		// Resolve TypeScript imports so the import rules (no-cycle, no-restricted-paths) see them.
		settings: {
			"import/parsers": { "@typescript-eslint/parser": [".ts"] },
			"import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
		},
	},
	{
		files: ["**/*.ts"],
		rules: {
			// The declarative settings API (getSettingDefinitions) exists only from Obsidian 1.13,
			// above our minAppVersion; the tab's display() serves every supported version.
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
			// Guidelines we hold as hard rules (the recommended set only warns).
			"@microsoft/sdl/no-inner-html": "error",
			"obsidianmd/commands/no-default-hotkeys": "error",
			// No import cycles anywhere: each feature depends on src/shared, never the reverse.
			"import/no-cycle": ["error", { ignoreExternal: true }],
		},
	},
	{
		// `builtin-modules` is a dependency fixed by the project owner (esbuild externals).
		files: ["package.json"],
		rules: {
			"depend/ban-dependencies": ["error", { presets: ["native", "microutilities", "preferred"], allowed: ["builtin-modules"] }],
		},
	},
	{
		// The pure core never touches Obsidian: it runs in the CLI and in tests as plain data.
		// Every feature's core/ (and src/shared/core/) is pure: no Obsidian, no Node.
		files: ["src/**/core/**/*.ts"],
		ignores: ["src/**/core/**/*.test.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					paths: [{ name: "obsidian", message: "core/ is pure: pass plain data in instead." }],
					patterns: [{ group: ["node:*"], message: "core/ is pure: it runs in the app (mobile too), the CLI and tests." }],
				},
			],
			// A core imports only its own feature's core and src/shared/core.
			"import/no-restricted-paths": [
				"error",
				{
					zones: ["index-notes", "comparison", "templates", "facts", "shared"].map((feature) => ({
						target: `./src/${feature}/core`,
						from: "./src",
						except: [...new Set([`./${feature}/core`, "./shared/core"])],
						message: "core/ may only import its own core/ and src/shared/core.",
					})),
				},
			],
		},
	},
	{
		// Node-only code: the CLI, the build scripts, tests and benchmarks never ship in main.js.
		// Only rules the directory's recommended set merely warns about are relaxed here; its
		// errors (console output, APIs newer than minAppVersion, ...) hold for every file.
		files: [
			"src/cli/**/*.ts",
			"src/*/cli/**/*.ts",
			"test/**/*.ts",
			"bench/**/*.ts",
			"*.mjs",
			"scripts/*.mjs",
			"bench/*.mjs",
			"bin/*.mjs",
			"vitest.config.ts",
			"src/**/*.test.ts",
		],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-extraneous-dependencies": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
]);
