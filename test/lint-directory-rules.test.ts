/**
 * `npm run lint` holds every file the community directory's review reads to the directory's own
 * rules: for each file of the repository that `eslint-plugin-obsidianmd`'s recommended config
 * lints, the project's config lints it too, with every rule the recommended config makes an
 * error at error level with the same options. Relaxed for Node-only code are only rules the
 * recommended config merely warns about (Node modules in the CLI, tests and scripts).
 */
import { execFileSync } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { ESLint, type Linter } from "eslint";
import obsidianmd from "eslint-plugin-obsidianmd";
import { beforeAll, describe, expect, it } from "vitest";

/** Deliberate departures from an error-level recommended rule, by file. */
const EXCEPTIONS: ReadonlyMap<string, readonly string[]> = new Map([
	// The project owner keeps `builtin-modules` for esbuild's externals.
	["package.json", ["depend/ban-dependencies"]],
]);

type Rules = Record<string, Linter.RuleEntry | undefined>;

function severity(entry: Linter.RuleEntry | undefined): number {
	const level = Array.isArray(entry) ? entry[0] : entry;
	if (level === "error") return 2;
	if (level === "warn") return 1;
	return typeof level === "number" ? level : 0;
}

function options(entry: Linter.RuleEntry | undefined): unknown[] {
	return Array.isArray(entry) ? entry.slice(1) : [];
}

/** The repository's files as the directory sees them: tracked, or new and not ignored. */
function repositoryFiles(): string[] {
	const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" });
	return [...new Set(out.split("\0").filter((name) => name !== ""))].sort();
}

const recommended = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: obsidianmd.configs.recommended });
const project = new ESLint({ cwd: process.cwd() });
/** Files the recommended config lints, with its rules for each. */
const linted = new Map<string, Rules>();

beforeAll(async () => {
	for (const file of repositoryFiles()) {
		const config = (await recommended.calculateConfigForFile(file)) as { rules?: Rules } | undefined;
		if (config?.rules !== undefined && !(await recommended.isPathIgnored(file))) linted.set(file, config.rules);
	}
}, 60_000);

describe("the directory's recommended rules", () => {
	it("cover the benchmarks, the scripts and the CLI's launcher as well as the plugin", () => {
		for (const file of [
			"main.ts",
			"bench/cli.bench.ts",
			"bench/browser-compare.mjs",
			"scripts/start.mjs",
			"bin/framework-notes.mjs",
			"package.json",
		]) {
			expect(linted.has(file), file).toBe(true);
		}
	});

	it("are applied by the project's lint to every file they cover, their errors unrelaxed", async () => {
		const problems: string[] = [];
		for (const [file, rules] of linted) {
			if (await project.isPathIgnored(file)) {
				problems.push(`${file}: ignored by eslint.config.mjs`);
				continue;
			}
			const ours = ((await project.calculateConfigForFile(file)) as { rules?: Rules } | undefined)?.rules ?? {};
			for (const [rule, entry] of Object.entries(rules)) {
				if (severity(entry) !== 2 || EXCEPTIONS.get(file)?.includes(rule)) continue;
				const mine = ours[rule];
				if (severity(mine) !== 2) problems.push(`${file}: ${rule} is not an error`);
				else if (!isDeepStrictEqual(options(mine), options(entry))) problems.push(`${file}: ${rule} has other options`);
			}
		}
		expect(problems).toEqual([]);
	});
});
