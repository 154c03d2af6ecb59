import { defineConfig } from "vitest/config";

/**
 * The real-browser suite: Node-side Vitest specs that drive Debian's Chromium (playwright-core)
 * against the test page built by global-setup.ts. Run through `node scripts/browser-tests.mjs`,
 * which first checks that Chromium is installed.
 */
export default defineConfig({
	test: {
		name: "browser",
		environment: "node",
		include: ["test/browser/**/*.spec.ts"],
		globalSetup: ["test/browser/global-setup.ts"],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// One Chromium at a time: the machine has two cores.
		fileParallelism: false,
		pool: "forks",
	},
});
