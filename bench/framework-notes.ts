/**
 * Synthetic framework notes for the comparison benchmarks: the template's 14 properties plus
 * `stars` (15), from a deterministic generator so every run sees the same vault.
 */
import type { NoteInput } from "../src/comparison/core/index";

export const CATEGORIES = ["full-stack", "asynchronous", "microframework", "other", "serverless"];
const LANGUAGES = ["Python", "JavaScript", "Go", "Rust", "Ruby", "Java", "PHP"];
const LICENSES = ["MIT", "BSD-3-Clause", "Apache-2.0", "LGPL-3.0-only"];

/** Deterministic pseudo-random numbers (mulberry32) so every run sees the same vault. */
export function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A framework note. `flat` puts every note in one folder with zero-padded names (the pane's
 * bench); otherwise notes sit in one folder per category.
 */
export function frameworkNote(i: number, rnd: () => number, version = 0, flat = false): NoteInput {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const name = flat ? `Framework ${String(i).padStart(5, "0")}` : `Framework ${i}`;
	return {
		path: flat ? `Frameworks/${name}.md` : `Frameworks/${CATEGORIES[i % CATEGORIES.length]}/${name}.md`,
		basename: name,
		frontmatterError: null,
		mtime: 1_700_000_000_000 + i + version,
		frontmatter: {
			type: "framework",
			category: pick(CATEGORIES),
			language: pick(LANGUAGES),
			summary: `Framework number ${i} for building ${pick(["web apps", "APIs", "services"])}, revision ${version}.`,
			async: rnd() < 0.5,
			orm: rnd() < 0.3,
			admin: rnd() < 0.2,
			license: pick(LICENSES),
			first_release: 1995 + Math.floor(rnd() * 30),
			website: `https://framework-${i}.example.org`,
			repository: `https://github.com/example/framework-${i}`,
			related: [`[[Framework ${(i + 1) % 1000}]]`, `[[Framework ${(i + 7) % 1000}|Seven]]`],
			tags: ["framework", pick(LANGUAGES).toLowerCase()],
			created: `20${10 + Math.floor(rnd() * 15)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
			stars: Math.floor(rnd() * 100_000),
		},
	};
}
