/**
 * A generated vault of `count` framework notes with 15 properties each (the size the comparison
 * benchmarks use): deterministic, so runs compare like with like.
 */
const CATEGORIES = ["full-stack", "micro", "asynchronous", "api", "serverless"] as const;
const LANGUAGES = ["Python", "JavaScript", "Go", "Rust", "Ruby", "Java"] as const;
const LICENSES = ["MIT", "BSD-3-Clause", "Apache-2.0", "GPL-3.0"] as const;

function pick<T>(list: readonly T[], i: number): T {
	return list[i % list.length];
}

export function generatedVault(count: number, folder = "Bench"): Record<string, string> {
	const files: Record<string, string> = {};
	const width = String(count).length;
	const name = (i: number): string => `Framework ${String(i).padStart(width, "0")}`;
	for (let i = 0; i < count; i++) {
		const seed = (i * 7919) % 10007;
		const lines = [
			"---",
			"type: framework",
			`category: ${pick(CATEGORIES, seed)}`,
			`language: ${pick(LANGUAGES, seed >> 2)}`,
			`summary: Generated framework number ${i} for the comparison benchmark.`,
			`async: ${seed % 2 === 0}`,
			`orm: ${seed % 3 === 0}`,
			`admin: ${seed % 5 === 0}`,
			`license: ${pick(LICENSES, seed >> 3)}`,
			`first_release: ${2000 + (seed % 25)}`,
			`stars: ${(seed * 37) % 90000}`,
			`website: https://example.org/${i}`,
			`repository: https://example.org/${i}/source`,
			"related:",
			`  - "[[${name((i + 1) % count)}]]"`,
			"tags:",
			"  - framework",
			`created: 2026-${String(1 + (seed % 12)).padStart(2, "0")}-${String(1 + (seed % 28)).padStart(2, "0")}`,
			"---",
			`# ${name(i)}`,
			"",
		];
		files[`${folder}/${name(i)}.md`] = lines.join("\n");
	}
	return files;
}

/**
 * About `count` notes for the index benchmarks: `top` folders × `sub` subfolders × notes, every
 * folder with a folder note holding a bare waypoint flag (so the first reconciliation writes every
 * index), like the CLI benchmark's vaults.
 */
export function generatedIndexVault(count: number): Record<string, string> {
	const top = 10;
	const sub = Math.max(1, Math.round(Math.sqrt(count / top / 1)));
	const perFolder = Math.max(1, Math.round(count / (top * sub)));
	const files: Record<string, string> = {};
	for (let t = 0; t < top; t++) {
		files[`T${t}/T${t}.md`] = `# T${t}\n\n%% Waypoint %%\n`;
		for (let s = 0; s < sub; s++) {
			const folder = `T${t}/S${t}-${s}`;
			files[`${folder}/S${t}-${s}.md`] = `# S${t}-${s}\n\n%% Waypoint %%\n`;
			for (let n = 0; n < perFolder; n++) {
				files[`${folder}/Note ${t}-${s}-${n}.md`] = `---\ntype: framework\norder: ${n}\n---\n# Note ${n}\n\nSome prose.\n`;
			}
		}
	}
	return files;
}
