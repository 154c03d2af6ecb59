import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		environment: "happy-dom",
		include: ["src/**/*.test.ts", "test/**/*.test.ts"],
		setupFiles: ["obsidian-test-mocks/vitest-setup"],
		benchmark: {
			include: ["bench/**/*.bench.ts"],
		},
	},
});
