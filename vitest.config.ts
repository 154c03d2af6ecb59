import { defineConfig } from "vitest/config";

export default defineConfig({
	resolve: {
		// `obsidian` ships types only; tests run the code against an in-memory implementation.
		alias: [{ find: /^obsidian$/, replacement: "obsidian-test-mocks/obsidian" }],
	},
	test: {
		environment: "happy-dom",
		include: ["src/**/*.test.ts", "test/**/*.test.ts"],
		exclude: ["test/browser/**", "node_modules/**"],
		setupFiles: ["obsidian-test-mocks/vitest-setup"],
		// Tests that build the plugin or run many property cases take seconds on a busy machine;
		// the limit only catches a hang, it measures nothing.
		testTimeout: 60_000,
		benchmark: {
			include: ["bench/**/*.bench.ts"],
		},
	},
});
