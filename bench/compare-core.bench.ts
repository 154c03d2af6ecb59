/**
 * Comparison model (issue 4): build the model for 1k and 10k notes with 15 properties each,
 * sort / filter / search 10k rows, and apply one changed note. Figures go in BENCHMARKS.md.
 */
import { bench, describe } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, NAME_KEY, updateModel } from "../src/core/compare";
import type { ComparisonModel, NoteInput, ViewOptions } from "../src/core/compare";

const CATEGORIES = ["full-stack", "asynchronous", "microframework", "other", "serverless"];
const LANGUAGES = ["Python", "JavaScript", "Go", "Rust", "Ruby", "Java", "PHP"];
const LICENSES = ["MIT", "BSD-3-Clause", "Apache-2.0", "LGPL-3.0-only"];

/** Deterministic pseudo-random numbers (mulberry32) so every run sees the same vault. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A framework note with the template's 14 properties plus `stars` (15). */
function frameworkNote(i: number, rnd: () => number, version = 0): NoteInput {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const name = `Framework ${i}`;
	return {
		path: `Frameworks/${CATEGORIES[i % CATEGORIES.length]}/${name}.md`,
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

function vault(count: number): NoteInput[] {
	const rnd = random(count);
	return Array.from({ length: count }, (_, i) => frameworkNote(i, rnd));
}

const notes1k = vault(1_000);
const notes10k = vault(10_000);
const model10k: ComparisonModel = buildModel(notes10k);
const view = (partial: Partial<ViewOptions>): ViewOptions => ({ ...DEFAULT_VIEW_OPTIONS, ...partial });

describe("build model", () => {
	bench("1k notes × 15 properties", () => {
		buildModel(notes1k);
	});
	bench("10k notes × 15 properties", () => {
		buildModel(notes10k);
	});
	bench("10k: build + first view (value ids interned), no sort", () => {
		applyView(buildModel(notes10k), view({}));
	});
	bench("10k: build + first view, sort by number then name", () => {
		applyView(buildModel(notes10k), view({ sort: [{ key: "first_release", dir: "desc" }, { key: NAME_KEY, dir: "asc" }] }));
	});
});

/** A copy of the model under a new identity: its column facts start cold (value ids are shared). */
const fresh = (model: ComparisonModel): ComparisonModel => ({ ...model });
const byNumberThenName = view({ sort: [{ key: "first_release", dir: "desc" }, { key: NAME_KEY, dir: "asc" }] });

describe("view of 10k rows, row set changed (column facts recomputed)", () => {
	bench("no sort, no filter (differences, min/max)", () => {
		applyView(fresh(model10k), view({}));
	});
	bench("sort by number then name", () => {
		applyView(fresh(model10k), byNumberThenName);
	});
	bench("filter by category + language, sort by date", () => {
		applyView(fresh(model10k), view({ filters: { category: ["full-stack", "other"], language: ["Python"] }, sort: [{ key: "created", dir: "asc" }] }));
	});
	bench("search + group by category, sort by stars", () => {
		applyView(fresh(model10k), view({ search: "apis python", groupBy: "category", sort: [{ key: "stars", dir: "desc" }] }));
	});
});

describe("view of 10k rows, re-sort of the same rows (header click)", () => {
	applyView(model10k, view({}));
	bench("sort by number then name", () => {
		applyView(model10k, byNumberThenName);
	});
	bench("sort by text (natural collation ranks)", () => {
		applyView(model10k, view({ sort: [{ key: "summary", dir: "asc" }] }));
	});
	bench("group by category, sort by date desc", () => {
		applyView(model10k, view({ groupBy: "category", sort: [{ key: "created", dir: "desc" }] }));
	});
});

describe("one changed note (10k model)", () => {
	let version = 0;
	const rnd = random(99);
	bench("updateModel", () => {
		version++;
		updateModel(model10k, frameworkNote(5_000, rnd, version));
	});
	// The pane moves forward: each change is applied to the latest model, whose view is cached.
	let current = model10k;
	applyView(current, byNumberThenName);
	bench("updateModel + applyView (sorted; column facts updated, not recounted)", () => {
		version++;
		current = updateModel(current, frameworkNote(5_000 + (version % 7), rnd, version));
		applyView(current, byNumberThenName);
	});
	const everyNote = notes10k.map((_, i) => frameworkNote(i, random(i), 1));
	bench("every note changed in one batch (10k edits) + applyView", () => {
		applyView(updateModel(model10k, everyNote), byNumberThenName);
	});
});
