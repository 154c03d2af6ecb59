import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores([
		"node_modules/",
		"main.js",
		"dist/",
		"examples/",
		"test-results/",
		"bench/.vaults/",
		"bin/",
	]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "version-bump.mjs", "scripts/*.mjs", "bench/*.mjs"],
				},
				tsconfigRootDir: import.meta.dirname,
			},
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
		files: ["src/core/**/*.ts"],
		rules: {
			"@typescript-eslint/no-restricted-imports": [
				"error",
				{
					paths: [{ name: "obsidian", message: "src/core is pure: pass plain data in instead." }],
					patterns: [
						{ group: ["**/obsidian/**", "**/ui/**", "**/commands/**", "**/cli/**"], message: "src/core may only import src/core." },
					],
				},
			],
		},
	},
	{
		// Node-only code: the CLI, the build scripts, tests and benchmarks never ship in main.js.
		files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "*.mjs", "scripts/*.mjs", "bench/*.mjs", "vitest.config.ts", "src/**/*.test.ts"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-extraneous-dependencies": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-unsupported-api": "off",
			"no-console": "off",
		},
	},
]);
