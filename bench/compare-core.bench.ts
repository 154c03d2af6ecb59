/**
 * Comparison model: build the model for 1k and 10k notes with 15 properties each,
 * sort / filter / search 10k rows, and apply one changed note. Figures go in BENCHMARKS.md.
 */
import { bench, describe } from "vitest";
import { applyView, buildModel, DEFAULT_VIEW_OPTIONS, NAME_KEY, updateModel } from "../src/comparison/core/index";
import type { ComparisonModel, NoteInput, ViewOptions } from "../src/comparison/core/index";
import { frameworkNote, random } from "./framework-notes";

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
		applyView(
			buildModel(notes10k),
			view({
				sort: [
					{ key: "first_release", dir: "desc" },
					{ key: NAME_KEY, dir: "asc" },
				],
			}),
		);
	});
});

/** A copy of the model under a new identity: its column facts start cold (value ids are shared). */
const fresh = (model: ComparisonModel): ComparisonModel => ({ ...model });
const byNumberThenName = view({
	sort: [
		{ key: "first_release", dir: "desc" },
		{ key: NAME_KEY, dir: "asc" },
	],
});

describe("view of 10k rows, row set changed (column facts recomputed)", () => {
	bench("no sort, no filter (differences, min/max)", () => {
		applyView(fresh(model10k), view({}));
	});
	bench("sort by number then name", () => {
		applyView(fresh(model10k), byNumberThenName);
	});
	bench("filter by category + language, sort by date", () => {
		applyView(
			fresh(model10k),
			view({ filters: { category: ["full-stack", "other"], language: ["Python"] }, sort: [{ key: "created", dir: "asc" }] }),
		);
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
