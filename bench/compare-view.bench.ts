/**
 * Comparison pane, the view side: render the table in happy-dom for 1k and 10k notes
 * (15 properties each). Each scenario is what the pane does for that event: `applyView` (model)
 * plus `ComparisonTable.update` (DOM: header, the rows in view plus a buffer, two spacers).
 *
 * - first render: a new table, nothing rendered before.
 * - one changed note: `updateModel` with one note, `applyView`, `update` on the live table (rows
 *   whose note did not change are reused, so only the changed row is rebuilt).
 * - sort / filter: a header click (sort by a number column) and a search.
 *
 * Besides Vitest's table (no median), the bench prints the median wall time of its own timed
 * runs of each scenario (figures for BENCHMARKS.md, section "Comparison pane (view)").
 */
import { type App, Component } from "obsidian";
import { afterAll, bench as vitestBench, describe } from "vitest";
import {
	applyView,
	buildModel,
	type ComparisonModel,
	DEFAULT_VIEW_OPTIONS,
	type NoteInput,
	updateModel,
	type ViewOptions,
	type ViewResult,
} from "../src/comparison/core/index";
import { ComparisonTable } from "../src/comparison/ui/table";
import { frameworkNote as frameworkNoteOf, random } from "./framework-notes";

/** The pane's bench keeps every note in one folder, with zero-padded names. */
const frameworkNote = (i: number, rnd: () => number, version = 0): NoteInput => frameworkNoteOf(i, rnd, version, true);

/** Just what the table asks of the app: link resolution (none resolve here) and hover events. */
const app = {
	metadataCache: { getFirstLinkpathDest: () => null },
	workspace: { trigger: () => undefined, openLinkText: async () => undefined },
} as unknown as App;

class Owner extends Component {
	hoverPopover = null;
}

const callbacks = { sort: () => undefined, toggleSelected: () => undefined, selectAll: () => undefined, edit: async () => undefined };

const options = (partial: Partial<ViewOptions> = {}): ViewOptions => ({ ...DEFAULT_VIEW_OPTIONS, ...partial });

interface Fixture {
	notes: NoteInput[];
	model: ComparisonModel;
	table: ComparisonTable;
	version: number;
}

function fixture(count: number): Fixture {
	const rnd = random(count);
	const notes = Array.from({ length: count }, (_, i) => frameworkNote(i, rnd));
	const model = buildModel(notes);
	const table = new ComparisonTable(createDiv(), app, new Owner(), "bench", callbacks);
	table.update({ view: applyView(model, options()), orientation: "rows", sort: [], selected: new Set(), editable: true });
	return { notes, model, table, version: 0 };
}

const fixtures = { "1k": fixture(1_000), "10k": fixture(10_000) };

function firstRender(f: Fixture): void {
	const table = new ComparisonTable(createDiv(), app, new Owner(), "bench", callbacks);
	table.update({ view: applyView(f.model, options()), orientation: "rows", sort: [], selected: new Set(), editable: true });
}

function oneChangedNote(f: Fixture): void {
	f.version++;
	// A note near the top, so its row is in view and really rebuilt.
	f.model = updateModel(f.model, frameworkNote(3, random(f.version), f.version));
	f.table.update({ view: applyView(f.model, options()), orientation: "rows", sort: [], selected: new Set(), editable: true });
}

function prepareChangedNote(f: Fixture): ViewResult {
	f.version++;
	f.model = updateModel(f.model, frameworkNote(3, random(f.version), f.version));
	return applyView(f.model, options());
}

let flip = false;

/** Alternate the direction so every run really re-sorts (the model caches an identical view). */
function sortByNumber(f: Fixture): void {
	flip = !flip;
	const sort = [{ key: "first_release", dir: flip ? ("desc" as const) : ("asc" as const) }];
	f.table.update({ view: applyView(f.model, options({ sort })), orientation: "rows", sort, selected: new Set(), editable: true });
}

function search(f: Fixture): void {
	flip = !flip;
	f.table.update({
		view: applyView(f.model, options({ search: flip ? "python api" : "rust web" })),
		orientation: "rows",
		sort: [],
		selected: new Set(),
		editable: true,
	});
}

function transposeSelected(f: Fixture): void {
	const selected = f.model.rows.slice(0, 8).map((r) => r.path);
	f.table.update({
		view: applyView(f.model, options({ selected })),
		orientation: "columns",
		sort: [],
		selected: new Set(selected),
		editable: true,
	});
}

const timings = new Map<string, number[]>();

/** Longer runs than Vitest's default: the DOM figures are noisy on a shared machine. */
function bench(name: string, fn: () => void): void {
	vitestBench(name, fn, { time: 1500, warmupIterations: 3 });
}

function timed(label: string, run: () => void): () => void {
	return () => {
		const start = performance.now();
		run();
		const list = timings.get(label) ?? [];
		list.push(performance.now() - start);
		timings.set(label, list);
	};
}

/** Like `timed`, but the own timer covers only `run` (after an untimed `prepare`). */
function timedAfter<T>(label: string, prepare: () => T, run: (value: T) => void): () => void {
	return () => {
		const value = prepare();
		const start = performance.now();
		run(value);
		const list = timings.get(label) ?? [];
		list.push(performance.now() - start);
		timings.set(label, list);
	};
}

for (const [size, f] of Object.entries(fixtures)) {
	describe(`comparison table, ${size} notes × 15 properties`, () => {
		bench(
			`first render (${size})`,
			timed(`first render ${size}`, () => firstRender(f)),
		);
		bench(
			`one changed note: updateModel + applyView + render (${size})`,
			timed(`one changed note ${size}`, () => oneChangedNote(f)),
		);
		bench(
			`one changed note: render only (${size}; own timer excludes the model)`,
			timedAfter(
				`one changed note, DOM ${size}`,
				() => prepareChangedNote(f),
				(view) => {
					f.table.update({ view, orientation: "rows", sort: [], selected: new Set(), editable: true });
				},
			),
		);
		bench(
			`first render: render only (${size}; own timer excludes the model)`,
			timedAfter(
				`first render, DOM ${size}`,
				() => applyView(f.model, options()),
				(view) => {
					const table = new ComparisonTable(createDiv(), app, new Owner(), "bench", callbacks);
					table.update({ view, orientation: "rows", sort: [], selected: new Set(), editable: true });
				},
			),
		);
		bench(
			`sort by a number column (${size})`,
			timed(`sort ${size}`, () => sortByNumber(f)),
		);
		bench(
			`sort: render only (${size}; own timer excludes the model)`,
			timedAfter(
				`sort, DOM ${size}`,
				() => {
					flip = !flip;
					const sort = [{ key: "first_release", dir: flip ? ("desc" as const) : ("asc" as const) }];
					return { sort, view: applyView(f.model, options({ sort })) };
				},
				({ sort, view }) => f.table.update({ view, orientation: "rows", sort, selected: new Set(), editable: true }),
			),
		);
		bench(
			`search (${size})`,
			timed(`search ${size}`, () => search(f)),
		);
		bench(
			`8 selected notes, transposed (${size})`,
			timed(`transposed 8 ${size}`, () => transposeSelected(f)),
		);
	});
}

afterAll(() => {
	const lines = ["", "Comparison pane (view): median wall time per run"];
	for (const [size, f] of Object.entries(fixtures)) {
		const table = new ComparisonTable(createDiv(), app, new Owner(), "bench", callbacks);
		table.update({ view: applyView(f.model, options()), orientation: "rows", sort: [], selected: new Set(), editable: true });
		lines.push(
			`${size}: ${table.element.querySelectorAll("tbody tr.fn-cmp-row").length} rows rendered, ${table.element.querySelectorAll("*").length} elements in the table`,
		);
	}
	for (const [label, list] of timings) {
		const sorted = [...list].sort((a, b) => a - b);
		lines.push(`${label.padEnd(28)} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2) ?? "-"} ms (${sorted.length} runs)`);
	}
	process.stdout.write(`${lines.join("\n")}\n`);
});
